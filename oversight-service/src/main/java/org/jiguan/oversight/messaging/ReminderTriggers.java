package org.jiguan.oversight.messaging;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organs whose facts changed since the last live reminder pass (R-SUP-2: a stage found due by a fact recorded
 * late, or a reminder the fact no longer bears out, follows within seconds, not at the next timer run). The
 * consumers note each organ whose event they applied; the reminder timer takes them every
 * {@code jiguan.reminders.live-every} and runs {@link ReminderScheduler#runFor}. When reminders are disabled,
 * nothing is noted for the live pass.
 * <p>Apart from that, and whether or not reminders are enabled, the organs whose facts changed since the last full
 * pass ({@link ReminderScheduler#runOnce}) are noted for it: that pass folds those again for their
 * {@link ReminderObligations} before reading them all.
 */
public class ReminderTriggers {
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final Set<String> factsChanged = ConcurrentHashMap.newKeySet();
    private final boolean enabled;

    public ReminderTriggers(boolean enabled) {
        this.enabled = enabled;
    }

    public void organChanged(String organId) {
        factsChanged.add(organId);
        if (enabled) {
            changed.add(organId);
        }
    }

    /** The organs noted so far for the live pass, now forgotten here. */
    public Set<String> take() {
        return take(changed);
    }

    /** The organs noted so far for the full pass's obligations, now forgotten here. */
    public Set<String> takeFactsChanged() {
        return take(factsChanged);
    }

    /** Notes organs again whose obligations could not be written. */
    public void putBackFacts(Set<String> organIds) {
        factsChanged.addAll(organIds);
    }

    private static Set<String> take(Set<String> noted) {
        Set<String> taken = new HashSet<>();
        for (String organId : noted) {
            if (noted.remove(organId)) {
                taken.add(organId);
            }
        }
        return taken;
    }

    /** Notes organs again whose pass could not run (the histories not caught up yet). */
    public void putBack(Set<String> organIds) {
        changed.addAll(organIds);
    }
}
