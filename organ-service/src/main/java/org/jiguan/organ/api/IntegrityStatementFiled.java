package org.jiguan.organ.api;

import java.time.LocalDate;

/** A leader filed the duty-and-integrity statement for a year. */
public record IntegrityStatementFiled(String organId, String committeeId, String memberId, int year, LocalDate filedOn) implements OrganEvent {
}
