package org.jiguan.oversight.domain.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The working-day calendar behind R-SUP-2's due-date move: the CN data and its rules. */
class WorkingDayCalendarTest {
    private static final WorkingDayCalendar CN = WorkingDayCalendars.named("CN");

    @Test
    void R_DEC_1_ten_working_days_after_a_decision_skip_the_national_day_holidays_and_count_the_make_up_saturday() {
        assertEquals(LocalDate.of(2025, 3, 17), CN.plusWorkingDays(LocalDate.of(2025, 3, 3), 10));
        assertEquals(LocalDate.of(2025, 10, 21), CN.plusWorkingDays(LocalDate.of(2025, 9, 30), 10));
    }

    @Test
    void R_SUP_2_a_due_date_on_saturday_moves_to_monday() {
        LocalDate jan31 = LocalDate.of(2026, 1, 31);
        assertEquals(DayOfWeek.SATURDAY, jan31.getDayOfWeek());
        assertEquals(LocalDate.of(2026, 2, 2), CN.nextWorkingDayOnOrAfter(jan31));
        assertEquals(LocalDate.of(2026, 2, 2), ReportObligations.dueDate(ReminderPolicy.defaults(), 2025));
    }

    @Test
    void R_SUP_2_a_due_date_inside_the_spring_festival_moves_past_it() {
        // 2025-01-31 is a Friday, but the 2025 Spring Festival holiday runs 28 January to 4 February.
        assertEquals(LocalDate.of(2025, 2, 5), ReportObligations.dueDate(ReminderPolicy.defaults(), 2024));
    }

    @Test
    void R_SUP_2_the_2026_report_is_due_monday_1_february_2027_on_a_not_yet_announced_year() {
        assertEquals(LocalDate.of(2027, 2, 1), ReportObligations.dueDate(ReminderPolicy.defaults(), 2026));
        assertTrue(CN.isAnnounced(2026));
        assertFalse(CN.isAnnounced(2027), "2027 holds only New Year's Day until the State Council announces it");
        assertFalse(CN.isWorkingDay(LocalDate.of(2027, 1, 1)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
            "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
            "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29", "2024-10-12"})
    void R_SUP_2_a_make_up_weekend_day_is_a_working_day(String date) {
        LocalDate day = LocalDate.parse(date);
        assertTrue(day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY, date);
        assertTrue(CN.isWorkingDay(day), date);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-01-01", "2026-01-02", "2026-02-16", "2026-02-17", "2026-02-20", "2026-02-23",
            "2026-04-06", "2026-05-04", "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-07",
            "2025-01-01", "2025-01-28", "2025-02-04", "2025-04-04", "2025-05-05", "2025-06-02", "2025-10-08",
            "2024-01-01", "2024-02-12", "2024-02-16", "2024-04-05", "2024-05-03", "2024-06-10", "2024-09-16",
            "2024-10-04"})
    void R_SUP_2_a_public_holiday_on_a_weekday_is_not_a_working_day(String date) {
        LocalDate day = LocalDate.parse(date);
        assertTrue(day.getDayOfWeek().getValue() <= 5, date + " should be a weekday to make the point");
        assertFalse(CN.isWorkingDay(day), date);
    }

    @Test
    void R_SUP_2_plain_weekends_are_off_and_plain_weekdays_on() {
        assertFalse(CN.isWorkingDay(LocalDate.of(2026, 3, 7)));
        assertFalse(CN.isWorkingDay(LocalDate.of(2026, 3, 8)));
        assertTrue(CN.isWorkingDay(LocalDate.of(2026, 3, 9)));
        assertEquals(LocalDate.of(2026, 2, 24), CN.nextWorkingDayOnOrAfter(LocalDate.of(2026, 2, 15)));
        assertEquals(LocalDate.of(2026, 2, 14), CN.lastWorkingDayOnOrBefore(LocalDate.of(2026, 2, 22)));
    }

    @Test
    void R_SUP_2_a_committee_adds_local_holidays_and_working_days_as_data() {
        LocalDate localHoliday = LocalDate.of(2026, 2, 2);
        LocalDate localWorkingSunday = LocalDate.of(2026, 3, 8);
        WorkingDayCalendar local = CN.withLocalDays(List.of(localHoliday), List.of(localWorkingSunday));

        assertFalse(local.isWorkingDay(localHoliday));
        assertTrue(local.isWorkingDay(localWorkingSunday));
        assertEquals(LocalDate.of(2026, 2, 3), local.nextWorkingDayOnOrAfter(LocalDate.of(2026, 1, 31)));
        assertTrue(CN.isWorkingDay(localHoliday), "the national calendar is unchanged");
        // A local holiday wins over a national make-up day.
        assertFalse(CN.withLocalDays(List.of(LocalDate.of(2026, 2, 14)), List.of()).isWorkingDay(LocalDate.of(2026, 2, 14)));
    }

    @Test
    void R_SUP_2_an_unknown_calendar_name_is_refused_clearly() {
        UnknownCalendar unknown = assertThrows(UnknownCalendar.class, () -> WorkingDayCalendars.named("XX"));
        assertEquals("R-SUP-2", unknown.ruleId());
        assertTrue(unknown.getMessage().contains("'XX'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("calendars/XX.json"), unknown.getMessage());
        assertThrows(UnknownCalendar.class, () -> WorkingDayCalendars.named("../application"));
        assertThrows(UnknownCalendar.class, () -> WorkingDayCalendars.named(null));
    }

    @Test
    void R_SUP_2_a_day_cannot_be_both_holiday_and_make_up_working_day() {
        LocalDate day = LocalDate.of(2026, 1, 4);
        assertThrows(RuntimeException.class, () -> new WorkingDayCalendar("BAD", Set.of(day), Set.of(day), Set.of()));
    }
}
