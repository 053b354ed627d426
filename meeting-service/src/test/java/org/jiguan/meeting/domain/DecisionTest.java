package org.jiguan.meeting.domain;

import static org.jiguan.meeting.domain.Facts.CLOCK;
import static org.jiguan.meeting.domain.Facts.COMMITTEE;
import static org.jiguan.meeting.domain.Facts.ORGAN;
import static org.jiguan.meeting.domain.Facts.ORGAN_NAME;
import static org.jiguan.meeting.domain.Facts.PRINCIPAL;
import static org.jiguan.meeting.domain.Facts.TODAY;
import static org.jiguan.meeting.domain.Facts.bodyWithoutPrincipal;
import static org.jiguan.meeting.domain.Facts.decisionTaken;
import static org.jiguan.meeting.domain.Facts.organ;
import static org.jiguan.meeting.domain.Facts.violationOf;

import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.jiguan.meeting.api.AssignDecisionTask;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionReconsidered;
import org.jiguan.meeting.api.DecisionRevokedByCommittee;
import org.jiguan.meeting.api.DecisionTaskAssigned;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.jiguan.meeting.api.ReportTaskFeedback;
import org.jiguan.meeting.api.RevocationAction;
import org.jiguan.meeting.api.RevokeDecision;
import org.jiguan.meeting.api.TakeUrgentDecision;
import org.jiguan.meeting.api.TaskFeedbackReported;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A decision after it is taken: tasks (R-MEET-12), revocation (R-MEET-13) and urgent decisions (R-MEET-14). */
class DecisionTest {
    private static final String DECISION = "dec-1";
    private static final LocalDate DECIDED_ON = LocalDate.of(2026, 3, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 6, 30);

    private final FixtureConfiguration<Decision> fixture = new AggregateTestFixture<>(Decision.class);

    @BeforeEach
    void clock() {
        fixture.registerInjectableResource(CLOCK);
    }

    private static Object taken() {
        return decisionTaken(DECISION, DECIDED_ON);
    }

    private static DecisionTaskAssigned assigned(String taskId) {
        return new DecisionTaskAssigned(DECISION, ORGAN, COMMITTEE, taskId, "干部处", DUE, "拟定实施方案");
    }

    private static AssignDecisionTask assign(String taskId, String owner, LocalDate dueOn) {
        return new AssignDecisionTask(DECISION, taskId, owner, dueOn, "拟定实施方案");
    }

    // --- R-MEET-12 tasks and feedback ---------------------------------------------------------------------------

    @Test
    void R_MEET_12_decision_in_force_gets_a_task_with_owner_and_due_date() {
        fixture.given(taken())
                .when(assign("t1", "干部处", DUE))
                .expectEvents(assigned("t1"));
    }

    @Test
    void R_MEET_12_urgent_decision_pending_report_gets_tasks_too() {
        fixture.given(new UrgentDecisionTaken(DECISION, ORGAN, COMMITTEE, PRINCIPAL, "抢险", ItemCategory.LARGE_FUNDS,
                        DECIDED_ON, "flood", DecisionOrigin.URGENT))
                .when(assign("t1", "干部处", DUE))
                .expectEvents(assigned("t1"));
    }

    @Test
    void R_MEET_12_revoked_decision_gets_no_tasks() {
        fixture.given(taken(), new DecisionRevokedByCommittee(DECISION, ORGAN, COMMITTEE, RevocationAction.REVOKE,
                        "improper", TODAY))
                .when(assign("t1", "干部处", DUE))
                .expectException(violationOf("R-MEET-12", "revoked by committee gd"));
    }

    @Test
    void R_MEET_12_reconsidered_decision_gets_no_tasks() {
        fixture.given(taken(), new DecisionReconsidered(DECISION, ORGAN, COMMITTEE, "mtg-2", "i1", "dec-2", TODAY))
                .when(assign("t1", "干部处", DUE))
                .expectException(violationOf("R-MEET-12", "replaced by decision dec-2"));
    }

    @Test
    void R_MEET_12_task_without_an_owner_is_refused() {
        fixture.given(taken())
                .when(assign("t1", " ", DUE))
                .expectException(violationOf("R-MEET-12", "owner"));
    }

    @Test
    void R_MEET_12_task_due_before_the_decision_is_refused() {
        fixture.given(taken())
                .when(assign("t1", "干部处", DECIDED_ON.minusDays(1)))
                .expectException(violationOf("R-MEET-12", "before the decision"));
    }

    @Test
    void R_MEET_12_task_id_used_twice_is_a_conflict() {
        fixture.given(taken(), assigned("t1"))
                .when(assign("t1", "办公室", DUE))
                .expectException(Conflict.class);
    }

    @Test
    void R_MEET_12_feedback_is_reported_until_the_task_is_done() {
        fixture.given(taken(), assigned("t1"),
                        new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "t1", DECIDED_ON.plusDays(7), false, "进行中"))
                .when(new ReportTaskFeedback(DECISION, "t1", TODAY, true, "已完成"))
                .expectEvents(new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "t1", TODAY, true, "已完成"));
    }

    @Test
    void R_MEET_12_feedback_after_the_task_was_reported_done_is_refused() {
        fixture.given(taken(), assigned("t1"),
                        new TaskFeedbackReported(DECISION, ORGAN, COMMITTEE, "t1", TODAY, true, "已完成"))
                .when(new ReportTaskFeedback(DECISION, "t1", TODAY, false, "again"))
                .expectException(violationOf("R-MEET-12", "already reported done"));
    }

    @Test
    void R_MEET_12_feedback_dated_before_the_decision_is_refused() {
        fixture.given(taken(), assigned("t1"))
                .when(new ReportTaskFeedback(DECISION, "t1", DECIDED_ON.minusDays(1), false, "x"))
                .expectException(violationOf("R-MEET-12", "predates"));
    }

    @Test
    void R_MEET_12_feedback_on_an_unknown_task_is_not_found() {
        fixture.given(taken())
                .when(new ReportTaskFeedback(DECISION, "t9", TODAY, false, "x"))
                .expectException(NotFound.class);
    }

    // --- R-MEET-13 revocation by the committee --------------------------------------------------------------------

    @Test
    void R_MEET_13_committee_revokes_its_organs_improper_decision() {
        fixture.given(taken())
                .when(new RevokeDecision(DECISION, COMMITTEE, RevocationAction.REVOKE, "违反规定", TODAY))
                .expectEvents(new DecisionRevokedByCommittee(DECISION, ORGAN, COMMITTEE, RevocationAction.REVOKE,
                        "违反规定", TODAY));
    }

    @Test
    void R_MEET_13_committee_changes_a_decision() {
        fixture.given(taken())
                .when(new RevokeDecision(DECISION, COMMITTEE, RevocationAction.CHANGE, "范围过宽", DECIDED_ON))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void R_MEET_13_another_committee_cannot_revoke() {
        fixture.given(taken())
                .when(new RevokeDecision(DECISION, "js", RevocationAction.REVOKE, "x", TODAY))
                .expectException(violationOf("R-MEET-13", "only the organ's committee gd"));
    }

    @Test
    void R_MEET_13_revocation_without_a_reason_is_refused() {
        fixture.given(taken())
                .when(new RevokeDecision(DECISION, COMMITTEE, RevocationAction.REVOKE, "", TODAY))
                .expectException(violationOf("R-MEET-13", "reason"));
    }

    @Test
    void R_MEET_13_revocation_before_the_decision_is_refused() {
        fixture.given(taken())
                .when(new RevokeDecision(DECISION, COMMITTEE, RevocationAction.REVOKE, "x", DECIDED_ON.minusDays(1)))
                .expectException(violationOf("R-MEET-13", "cannot be revoked on"));
    }

    @Test
    void R_MEET_13_decision_is_revoked_once() {
        fixture.given(taken(), new DecisionRevokedByCommittee(DECISION, ORGAN, COMMITTEE, RevocationAction.REVOKE,
                        "improper", TODAY))
                .when(new RevokeDecision(DECISION, COMMITTEE, RevocationAction.CHANGE, "again", TODAY))
                .expectException(violationOf("R-MEET-13", "no longer in force"));
    }

    // --- R-MEET-14 urgent decisions -------------------------------------------------------------------------------

    private static TakeUrgentDecision urgent(OrganOnDate organ, String decidedBy, LocalDate decidedOn,
                                             String reason) {
        return new TakeUrgentDecision("urg-1", organ, decidedBy, "防汛抢险资金", ItemCategory.LARGE_FUNDS, decidedOn,
                reason);
    }

    @Test
    void R_MEET_14_principal_decides_alone_and_the_decision_is_pending_report() {
        fixture.givenNoPriorActivity()
                .when(urgent(organ(TODAY), PRINCIPAL, TODAY, "汛情紧急，来不及召开会议"))
                .expectEvents(new UrgentDecisionTaken("urg-1", ORGAN, COMMITTEE, PRINCIPAL, "防汛抢险资金",
                        ItemCategory.LARGE_FUNDS, TODAY, "汛情紧急，来不及召开会议", DecisionOrigin.URGENT));
    }

    @Test
    void R_MEET_14_deputy_cannot_decide_alone() {
        fixture.givenNoPriorActivity()
                .when(urgent(organ(TODAY), "dep1", TODAY, "flood"))
                .expectException(violationOf("R-MEET-14", "only the principal"));
    }

    @Test
    void R_MEET_14_nobody_decides_alone_while_the_principal_post_is_vacant() {
        fixture.givenNoPriorActivity()
                .when(urgent(organ(TODAY, bodyWithoutPrincipal()), "dep1", TODAY, "flood"))
                .expectException(violationOf("R-MEET-14", "vacant"));
    }

    @Test
    void R_MEET_14_urgent_decision_without_a_reason_is_refused() {
        fixture.givenNoPriorActivity()
                .when(urgent(organ(TODAY), PRINCIPAL, TODAY, null))
                .expectException(violationOf("R-MEET-14", "reason"));
    }

    @Test
    void R_MEET_14_abolished_organ_cannot_decide() {
        OrganOnDate abolished = new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, TODAY, OrganStatus.ABOLISHED,
                List.of(), null, LocalDate.of(2026, 3, 1));
        fixture.givenNoPriorActivity()
                .when(urgent(abolished, PRINCIPAL, TODAY, "flood"))
                .expectException(violationOf("R-MEET-14", "abolished on 2026-03-01"));
    }

    @Test
    void R_MEET_14_organ_not_yet_established_cannot_decide() {
        OrganOnDate early = new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, TODAY, OrganStatus.NOT_YET_ESTABLISHED,
                List.of(), LocalDate.of(2026, 4, 1), null);
        fixture.givenNoPriorActivity()
                .when(urgent(early, PRINCIPAL, TODAY, "flood"))
                .expectException(violationOf("R-MEET-14", "not yet established"));
    }
}
