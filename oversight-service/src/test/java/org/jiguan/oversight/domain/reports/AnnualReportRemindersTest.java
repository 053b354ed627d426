package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderIds;

import org.jiguan.oversight.api.IssueReminder;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.ReminderWithdrawn;
import org.jiguan.oversight.api.WithdrawReminder;
import org.jiguan.oversight.api.WithdrawalReason;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.jiguan.platform.rules.RuleViolation;
import org.junit.jupiter.api.Test;

/** R-SUP-2: each reminder stage at most once per organ and year, and never after a later stage. */
class AnnualReportRemindersTest {
    private static final String ORGAN = "gd-org";
    private static final String COMMITTEE = "gd";
    private static final LocalDate DUE = LocalDate.of(2026, 2, 2);
    private static final Instant AT = Instant.parse("2026-01-26T01:00:00Z");

    private final FixtureConfiguration<AnnualReportReminders> fixture =
            new AggregateTestFixture<>(AnnualReportReminders.class);

    private static IssueReminder issue(ReminderStage stage) {
        return new IssueReminder(ORGAN, COMMITTEE, 2025, stage, DUE, AT);
    }

    private static ReminderIssued issued(ReminderStage stage) {
        return new ReminderIssued(ORGAN + ":2025:" + stage, ORGAN, COMMITTEE, 2025, stage, DUE, AT);
    }

    @Test
    void R_SUP_2_the_first_reminder_starts_the_organs_record_for_the_year_with_every_field() {
        fixture.givenNoPriorActivity()
                .when(issue(ReminderStage.UPCOMING))
                .expectSuccessfulHandlerExecution()
                .expectEvents(issued(ReminderStage.UPCOMING))
                .expectState(state -> assertThat(state).extracting("remindersId").isEqualTo("gd-org:2025"));
    }

    @Test
    void R_SUP_2_ids_name_the_organ_the_year_and_the_stage() {
        assertThat(ReminderIds.remindersOf(ORGAN, 2025)).isEqualTo("gd-org:2025");
        assertThat(issue(ReminderStage.DUE).remindersId()).isEqualTo("gd-org:2025");
        assertThat(ReminderIds.reminderOf(ORGAN, 2025, ReminderStage.DUE)).isEqualTo("gd-org:2025:DUE");
    }

    @Test
    void R_SUP_2_the_next_stage_follows_an_earlier_one() {
        fixture.given(issued(ReminderStage.UPCOMING))
                .when(issue(ReminderStage.DUE_SOON))
                .expectEvents(issued(ReminderStage.DUE_SOON));
    }

    @Test
    void R_SUP_2_a_stage_is_issued_at_most_once() {
        fixture.given(issued(ReminderStage.UPCOMING), issued(ReminderStage.DUE_SOON))
                .when(issue(ReminderStage.DUE_SOON))
                .expectNoEvents()
                .expectException(violationOf("R-SUP-2"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DUE_SOON was already issued"));
    }

    @Test
    void R_SUP_2_no_earlier_stage_after_a_later_one() {
        fixture.given(issued(ReminderStage.OVERDUE))
                .when(issue(ReminderStage.DUE))
                .expectNoEvents()
                .expectException(violationOf("R-SUP-2"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("later stage OVERDUE"));
    }

    private static final Instant WITHDRAWN_AT = Instant.parse("2026-03-10T02:00:00Z");

    private static WithdrawReminder withdraw(ReminderStage stage) {
        return new WithdrawReminder(ORGAN, 2025, stage, WithdrawalReason.FILED_BEFORE_STAGE, LocalDate.of(2026, 1, 20),
                WITHDRAWN_AT);
    }

    private static ReminderWithdrawn withdrawn(ReminderStage stage) {
        return new ReminderWithdrawn(ORGAN + ":2025:" + stage, ORGAN, COMMITTEE, 2025, stage,
                WithdrawalReason.FILED_BEFORE_STAGE, LocalDate.of(2026, 1, 20), WITHDRAWN_AT);
    }

    @Test
    void R_SUP_2_an_issued_stage_is_withdrawn_with_its_reason() {
        fixture.given(issued(ReminderStage.UPCOMING), issued(ReminderStage.ESCALATED))
                .when(withdraw(ReminderStage.ESCALATED))
                .expectEvents(withdrawn(ReminderStage.ESCALATED));
    }

    @Test
    void R_SUP_2_a_stage_never_issued_or_withdrawn_already_cannot_be_withdrawn() {
        fixture.given(issued(ReminderStage.UPCOMING))
                .when(withdraw(ReminderStage.DUE))
                .expectNoEvents()
                .expectException(violationOf("R-SUP-2"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("DUE was never issued"));
        fixture.given(issued(ReminderStage.UPCOMING), withdrawn(ReminderStage.UPCOMING))
                .when(withdraw(ReminderStage.UPCOMING))
                .expectNoEvents()
                .expectException(violationOf("R-SUP-2"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("already withdrawn"));
    }

    @Test
    void R_SUP_2_a_withdrawn_stage_is_not_issued_again() {
        fixture.given(issued(ReminderStage.ESCALATED), withdrawn(ReminderStage.ESCALATED))
                .when(issue(ReminderStage.ESCALATED))
                .expectNoEvents()
                .expectException(violationOf("R-SUP-2"));
    }

    @Test
    void R_SUP_2_a_later_stage_may_skip_the_ones_never_issued() {
        fixture.given(issued(ReminderStage.UPCOMING))
                .when(issue(ReminderStage.ESCALATED))
                .expectEvents(issued(ReminderStage.ESCALATED));
    }

    @Test
    void R_SUP_2_a_reminder_without_its_stage_or_dates_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new IssueReminder(ORGAN, COMMITTEE, 2025, null, DUE, AT))
                .expectException(violationOf("R-SUP-2"));
    }

    static Matcher<Throwable> violationOf(String ruleId) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object item) {
                return item instanceof RuleViolation v && ruleId.equals(v.ruleId());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of ").appendText(ruleId);
            }
        };
    }
}
