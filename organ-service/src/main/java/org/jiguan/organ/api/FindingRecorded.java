package org.jiguan.organ.api;

import java.time.LocalDate;

/** An inspection finding was recorded; it is open until a rectification reports it completed. */
public record FindingRecorded(String organId, String committeeId, String findingId, FindingSource source,
                              String description, LocalDate rectifyBy, LocalDate recordedOn) implements OrganEvent {
}
