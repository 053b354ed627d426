package org.jiguan.oversight.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;

import org.jiguan.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

/** A committee's report policy as oversight reads it (R-SUP-1, R-SUP-2). */
class ReminderPolicyTest {
    private static final WorkingDayCalendar CN = WorkingDayCalendars.named("CN");

    @Test
    void R_SUP_2_defaults_are_31_january_30_september_and_the_five_stage_offsets() {
        ReminderPolicy defaults = ReminderPolicy.defaults();
        assertEquals(MonthDay.of(1, 31), defaults.reportDue());
        assertEquals(MonthDay.of(9, 30), defaults.cutOff());
        assertEquals(List.of(-30, -7, 0, 1, 30), defaults.offsets());
        assertEquals("CN", defaults.calendar().name());
        assertEquals(ReminderPolicy.of(null, "", null, CN), defaults);
    }

    @Test
    void R_SUP_2_offsets_are_five_strictly_ascending_with_due_at_zero() {
        assertRefused(List.of(-30, -7, 0, 30));
        assertRefused(List.of(-30, -7, 0, 1, 30, 60));
        assertRefused(List.of(-7, -30, 0, 1, 30));
        assertRefused(List.of(-30, -7, 0, 0, 30));
        assertRefused(List.of(-30, -7, 1, 2, 30));
    }

    @Test
    void R_SUP_2_a_month_day_that_is_not_iso_is_refused() {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> ReminderPolicy.of("01-31", null, null, CN));
        assertEquals("R-SUP-2", refused.ruleId());
    }

    @Test
    void R_SUP_1_a_29_february_cut_off_falls_on_28_february_in_a_common_year() {
        ReminderPolicy policy = ReminderPolicy.of(null, "--02-29", null, CN);
        assertEquals(LocalDate.of(2025, 2, 28), policy.cutOffDay(2025));
        assertEquals(LocalDate.of(2024, 2, 29), policy.cutOffDay(2024));
    }

    private static void assertRefused(List<Integer> offsets) {
        RuleViolation refused = assertThrows(RuleViolation.class, () -> ReminderPolicy.of(null, null, offsets, CN));
        assertEquals("R-SUP-2", refused.ruleId());
    }
}
