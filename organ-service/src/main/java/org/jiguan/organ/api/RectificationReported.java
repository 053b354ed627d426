package org.jiguan.organ.api;

import java.time.LocalDate;

/** Rectification of a finding was reported; {@code completed} closes the finding. */
public record RectificationReported(String organId, String committeeId, String findingId, LocalDate reportedOn,
                                    String description, boolean completed) implements OrganEvent {
}
