package org.jiguan.organ.api;

import java.time.LocalDate;

/** The committee requested a special report from the organ, due on {@code dueOn} (R-SUP-3). */
public record SpecialReportRequested(String organId, String committeeId, String requestId, String subject,
                                     LocalDate requestedOn, LocalDate dueOn) implements OrganEvent {
}
