package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * An internal body was renamed or re-tasked; {@code name} and {@code tasks} are those in force after the change,
 * changed or not.
 */
public record InternalBodyChanged(String organId, String committeeId, String bodyId, String previousName, String name,
                                  String tasks, Approval approval, LocalDate changedOn) implements OrganEvent {
}
