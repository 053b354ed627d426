package org.jiguan.oversight.domain.reports;

import org.jiguan.platform.rules.RuleViolation;

/** A committee's policy names a working-day calendar for which no data exists (R-SUP-2). */
public class UnknownCalendar extends RuleViolation {
    public UnknownCalendar(String name, String why) {
        super("R-SUP-2", "unknown working-day calendar '" + name + "': " + why);
    }
}
