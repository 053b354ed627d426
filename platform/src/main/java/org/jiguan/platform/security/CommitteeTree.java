package org.jiguan.platform.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Which committee each committee sits under, as the service knows it, for scope entries {@code "<id>/**"} (a
 * committee and every committee below it). A service that knows committees provides one as a bean; without one, an
 * entry {@code "<id>/**"} covers that committee alone.
 */
@FunctionalInterface
public interface CommitteeTree {
    /** Its parent; empty for a committee without one and for a committee not known (yet). */
    Optional<String> parentOf(String committeeId);

    CommitteeTree UNKNOWN = committeeId -> Optional.empty();

    /**
     * A tree over a lookup of a committee's registration, remembered once found: a committee's parent never
     * changes. {@code registeredParent} answers the parent's id, {@code ""} for a committee without a parent, or
     * {@code null} while the committee is not known.
     */
    static CommitteeTree remembering(Function<String, String> registeredParent) {
        Map<String, String> parents = new ConcurrentHashMap<>();
        return committeeId -> {
            String parent = parents.get(committeeId);
            if (parent == null) {
                parent = registeredParent.apply(committeeId);
                if (parent == null) {
                    return Optional.empty();
                }
                parents.put(committeeId, parent);
            }
            return parent.isEmpty() ? Optional.empty() : Optional.of(parent);
        };
    }
}
