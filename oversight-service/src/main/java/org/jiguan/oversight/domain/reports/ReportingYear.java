package org.jiguan.oversight.domain.reports;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What is known about one organ's comprehensive annual work report for one year: when the organ existed and when
 * its first comprehensive report for the year was filed (null if none; supplements do not count, R-SUP-1).
 */
public record ReportingYear(ActivePeriod organ, int year, LocalDate filedOn) {

    public ReportingYear {
        Objects.requireNonNull(organ, "organ");
    }

    public static ReportingYear unfiled(ActivePeriod organ, int year) {
        return new ReportingYear(organ, year, null);
    }

    public ReportingYear filed(LocalDate on) {
        return new ReportingYear(organ, year, on);
    }

    /** Filed on or before {@code day}; a filing dated later had not happened yet on that day. */
    public boolean filedBy(LocalDate day) {
        return filedOn != null && !filedOn.isAfter(day);
    }
}
