package org.jiguan.oversight.messaging;

import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organs whose facts changed since the last live reminder pass (R-SUP-2: a stage found due by a fact recorded
 * late, or a reminder the fact no longer bears out, follows within seconds, not at the next timer run). The
 * consumers note each organ whose event they applied; the reminder timer takes them every
 * {@code jiguan.reminders.live-every} and runs {@link ReminderScheduler#runFor}. When reminders are disabled,
 * nothing is noted.
 */
public class ReminderTriggers {
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final boolean enabled;

    public ReminderTriggers(boolean enabled) {
        this.enabled = enabled;
    }

    public void organChanged(String organId) {
        if (enabled) {
            changed.add(organId);
        }
    }

    /** The organs noted so far, now forgotten here. */
    public Set<String> take() {
        Set<String> taken = new HashSet<>();
        for (String organId : changed) {
            if (changed.remove(organId)) {
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
