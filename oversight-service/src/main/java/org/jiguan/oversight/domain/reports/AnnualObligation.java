package org.jiguan.oversight.domain.reports;

import java.time.LocalDate;

/** An organ owes its comprehensive annual work report for {@code year} by {@code dueOn}, a working day (R-SUP-1, R-SUP-2). */
public record AnnualObligation(int year, LocalDate dueOn) {
}
