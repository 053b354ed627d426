package org.jiguan.organ.api;

import java.time.LocalDate;

/** An internal body was abolished. */
public record InternalBodyAbolished(String organId, String committeeId, String bodyId, String name, Approval approval,
                                    LocalDate abolishedOn) implements OrganEvent {
}
