package org.jiguan.organ.api;

import java.time.LocalDate;

/** An internal body was set up; {@code establishedOn} is the approval date. */
public record InternalBodyEstablished(String organId, String committeeId, String bodyId, String name, Approval approval,
                                      LocalDate establishedOn) implements OrganEvent {
}
