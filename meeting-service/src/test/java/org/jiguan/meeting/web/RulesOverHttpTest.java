package org.jiguan.meeting.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.junit.jupiter.api.Test;

/**
 * Every meeting rule refused over HTTP: 422 problem+json whose {@code code} is the rule id and whose
 * {@code ruleTitle} names the rule in Chinese. The aggregate tests cover each rule in depth.
 */
class RulesOverHttpTest extends MeetingServiceTestBase {

    @Test
    void R_MEET_1_an_office_meeting_cannot_vote_on_an_affairs_meeting_matter() {
        Organ organ = organOfSize(3);
        String meeting = convene(organ, meetingBody(organ, "OFFICE", List.of(item("i1", "POLICY_MEASURES"))));
        open(organ, meeting, 3, 3);
        refused(officeOf(organ).post(itemPath(meeting, "i1", "voting"), Map.of("method", "SHOW_OF_HANDS")), "R-MEET-1");
    }

    @Test
    void R_MEET_2_an_item_twice_on_the_agenda_is_refused() {
        Organ organ = organOfSize(3);
        refused(officeOf(organ).post("/api/v1/meetings", meetingBody(organ, "AFFAIRS",
                List.of(item("i1", "OTHER"), item("i1", "PARTY_BUILDING")))), "R-MEET-2");
    }

    @Test
    void R_MEET_3_a_deputy_cannot_convene_as_the_principal() {
        Organ organ = organOfSize(3);
        Map<String, Object> body = meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        body.put("convenerId", organ.member(2));
        refused(officeOf(organ).post("/api/v1/meetings", body), "R-MEET-3");
    }

    @Test
    void R_MEET_4_notice_given_less_than_a_day_ahead_is_refused() {
        Organ organ = organOfSize(3);
        Map<String, Object> body = meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        body.put("noticeGivenAt", "2026-11-09T18:00:00+08:00");
        refused(officeOf(organ).post("/api/v1/meetings", body), "R-MEET-4");
    }

    @Test
    void R_MEET_5_a_member_of_the_body_left_out_of_the_attendance_is_refused() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        refused(officeOf(organ).post("/api/v1/meetings/" + meeting + "/opening", Map.of("openedAt", OPENED_AT,
                "present", List.of(organ.member(1), organ.member(2)), "absent", List.of())), "R-MEET-5");
    }

    @Test
    void R_MEET_6_half_of_the_body_is_not_a_quorum() {
        Organ organ = organOfSize(4);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        refused(officeOf(organ).post("/api/v1/meetings/" + meeting + "/opening", Map.of("openedAt", OPENED_AT,
                "present", List.of(organ.member(1), organ.member(2)),
                "absent", List.of(Map.of("memberId", organ.member(3)), Map.of("memberId", organ.member(4))))), "R-MEET-6");
    }

    @Test
    void R_MEET_6_a_personnel_item_needs_two_thirds_present() {
        Organ organ = organOfSize(7);
        String meeting = affairsMeeting(organ, item("p1", "PERSONNEL"));
        prepare(organ, meeting, "p1");
        open(organ, meeting, 4, 7);
        refused(officeOf(organ).post(itemPath(meeting, "p1", "voting"), Map.of("method", "SECRET_BALLOT")), "R-MEET-6");
    }

    @Test
    void R_MEET_7_a_recused_member_cannot_vote() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        ApiClient office = officeOf(organ);
        expectStatus(office.post(itemPath(meeting, "i1", "recusals"), Map.of("memberId", organ.member(3),
                "reason", "本人利害关系")), 200);
        openVoting(organ, meeting, "i1", "SHOW_OF_HANDS");
        refused(office.post(itemPath(meeting, "i1", "votes"), Map.of("memberId", organ.member(3), "choice", "FOR")),
                "R-MEET-7");
    }

    @Test
    void R_MEET_8_a_major_item_cannot_be_voted_before_its_preparation() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "LARGE_FUNDS"));
        open(organ, meeting, 3, 3);
        refused(officeOf(organ).post(itemPath(meeting, "i1", "voting"), Map.of("method", "ROLL_CALL")), "R-MEET-8");
    }

    @Test
    void R_MEET_8_a_step_completed_after_the_vote_does_not_count() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "LARGE_FUNDS"));
        for (String step : List.of("INVESTIGATION", "CONSULTATION", "EXPERT_EVALUATION")) {
            expectStatus(officeOf(organ).post(itemPath(meeting, "i1", "preparation"), Map.of("step", step,
                    "completedOn", "2026-11-05", "note", "已完成")), 200);
        }
        // The meeting opened and voted on 2026-11-10; the legality review is dated ten days later.
        expectStatus(officeOf(organ).post(itemPath(meeting, "i1", "preparation"), Map.of("step", "LEGALITY_REVIEW",
                "completedOn", "2026-11-20", "note", "事后补办")), 200);
        open(organ, meeting, 3, 3);
        openVoting(organ, meeting, "i1", "SHOW_OF_HANDS");
        votes(organ, meeting, "i1", "FOR", "FOR", "FOR");
        refused(officeOf(organ).post(itemPath(meeting, "i1", "closing"), Map.of()), "R-MEET-8");
    }

    @Test
    void R_MEET_9_a_member_votes_once_per_item() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        ApiClient office = officeOf(organ);
        openVoting(organ, meeting, "i1", "ORAL");
        Map<String, Object> vote = Map.of("memberId", organ.member(2), "choice", "FOR");
        expectStatus(office.post(itemPath(meeting, "i1", "votes"), vote), 200);
        refused(office.post(itemPath(meeting, "i1", "votes"), Map.of("memberId", organ.member(2), "choice", "AGAINST")),
                "R-MEET-9");
    }

    @Test
    void R_MEET_9_a_secret_ballot_does_not_record_how_a_member_voted() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        openVoting(organ, meeting, "i1", "SECRET_BALLOT");
        refused(officeOf(organ).post(itemPath(meeting, "i1", "votes"), Map.of("memberId", organ.member(1), "choice", "FOR")),
                "R-MEET-9");
    }

    @Test
    void R_MEET_10_the_chair_states_a_position_last() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        openVoting(organ, meeting, "i1", "SHOW_OF_HANDS");
        votes(organ, meeting, "i1", "FOR", "FOR", "FOR");
        refused(officeOf(organ).post(itemPath(meeting, "i1", "closing"), Map.of("positionsOrder",
                List.of(organ.member(1), organ.member(2), organ.member(3)))), "R-MEET-10");
    }

    @Test
    void R_MEET_10_most_of_those_present_is_not_enough_without_more_than_half_of_the_body() {
        Organ organ = organOfSize(7);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 5, 7);
        openVoting(organ, meeting, "i1", "SHOW_OF_HANDS");
        votes(organ, meeting, "i1", "FOR", "FOR", "FOR", "AGAINST", "ABSTAIN");
        JsonNode closed = closeItem(organ, meeting, "i1", Map.of());
        assertThat(closed.path("outcome").asText()).isEqualTo("REJECTED");
        assertThat(closed.path("decisionId").isNull()).isTrue();
    }

    @Test
    void R_MEET_11_minutes_are_issued_only_under_the_principals_signature() {
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        ApiClient office = officeOf(organ);
        expectStatus(office.post(itemPath(meeting, "i1", "closing"), Map.of("defer", true, "reason", "再研究")), 200);
        expectStatus(office.post("/api/v1/meetings/" + meeting + "/minutes", Map.of("recorderId", "recorder",
                "text", "会议纪要")), 200);
        refused(office.post("/api/v1/meetings/" + meeting + "/minutes/issue", Map.of("signedBy", organ.member(2))),
                "R-MEET-11");
    }

    @Test
    void R_MEET_12_a_task_due_before_the_decision_is_refused() {
        Organ organ = organOfSize(3);
        String decision = adoptedDecision(organ);
        refused(officeOf(organ).post("/api/v1/decisions/" + decision + "/tasks", Map.of("owner", "办公室",
                "dueOn", "2026-11-01", "description", "落实")), "R-MEET-12");
    }

    @Test
    void R_MEET_13_only_the_organs_committee_revokes_its_decision() {
        Organ organ = organOfSize(3);
        String decision = adoptedDecision(organ);
        String other = uniqueId("other");
        refused(admin().post("/api/v1/decisions/" + decision + "/revocation", Map.of("committeeId", other,
                "action", "REVOKE", "reason", "不适当", "on", "2026-11-20")), "R-MEET-13");
    }

    @Test
    void R_MEET_14_only_the_principal_decides_alone() {
        Organ organ = organOfSize(3);
        refused(officeOf(organ).post("/api/v1/urgent-decisions", urgentDecision(organ, 2, "2026-11-15")),
                "R-MEET-14");
    }

    @Test
    void R_MEET_14_an_urgent_decision_is_reported_to_the_next_affairs_meeting_not_a_later_one() {
        Organ organ = organOfSize(3);
        String decision = expectStatus(officeOf(organ).post("/api/v1/urgent-decisions",
                urgentDecision(organ, 1, "2026-11-01")), 201).body().path("decisionId").asText();
        String next = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, next, 3, 3);
        Map<String, Object> laterBody = meetingBody(organ, "AFFAIRS", List.of(item("i1", "OTHER")));
        laterBody.put("scheduledAt", "2026-11-20T09:00:00+08:00");
        laterBody.put("noticeGivenAt", "2026-11-18T09:00:00+08:00");
        String later = convene(organ, laterBody);
        expectStatus(officeOf(organ).post("/api/v1/meetings/" + later + "/opening", Map.of("openedAt",
                "2026-11-20T09:05:00+08:00", "present", List.of(organ.member(1), organ.member(2), organ.member(3)),
                "absent", List.of())), 200);
        String report = "/api/v1/urgent-decisions/" + decision + "/report";
        ApiClient.Response[] answer = new ApiClient.Response[1];
        // meeting-service lists the organ's affairs meetings from its own events: wait until it has seen the later one.
        await(() -> (answer[0] = officeOf(organ).post(report, Map.of("meetingId", later))).status() != 409,
                "the later meeting in the organ's list of affairs meetings");
        refused(answer[0], "R-MEET-14");
        expectStatus(officeOf(organ).post(report, Map.of("meetingId", next)), 200);
    }

    @Test
    void R_DEC_1_a_report_to_the_committee_dated_before_its_decision_or_signed_by_a_deputy_is_refused() {
        Organ organ = organOfSize(3);
        String decision = expectStatus(officeOf(organ).post("/api/v1/urgent-decisions",
                urgentDecision(organ, 1, "2026-11-02")), 201).body().path("decisionId").asText();
        String report = "/api/v1/decisions/" + decision + "/committee-report";
        refused(officeOf(organ).post(report, Map.of("reportedOn", "2026-11-01", "documentNo", "组〔2026〕12号",
                "signedBy", organ.member(1))), "R-DEC-1");
        // R-DOC-1: a deputy signs only on a recorded delegation or designation.
        refused(officeOf(organ).post(report, Map.of("reportedOn", "2026-11-03", "documentNo", "组〔2026〕12号",
                "signedBy", organ.member(2))), "R-DOC-1");
        JsonNode reported = expectStatus(officeOf(organ).post(report, Map.of("reportedOn", "2026-11-03",
                "documentNo", "组〔2026〕12号", "signedBy", organ.member(1))), 200).body();
        assertThat(reported.path("status").asText()).isEqualTo("REPORTED");
        // The reply is the committee office's, not the organ's.
        Map<String, Object> reply = Map.of("kind", "REPLY", "repliedOn", "2026-11-05", "note", "同意");
        expectStatus(officeOf(organ).post(report + "/reply", reply), 403);
        expectStatus(committeeOffice(organ.committeeId()).post(report + "/reply", reply), 200);
        refused(committeeOffice(organ.committeeId()).post(report + "/reply", reply), "R-DEC-1");
    }

    /** An urgent decision taken by member {@code decidedBy} of the organ's body on {@code decidedOn}. */
    private static Map<String, Object> urgentDecision(Organ organ, int decidedBy, String decidedOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organId", organ.organId());
        body.put("decidedBy", organ.member(decidedBy));
        body.put("title", "紧急处置");
        body.put("category", "OTHER");
        body.put("decidedOn", decidedOn);
        body.put("reason", "突发事件");
        return body;
    }

    /** An OTHER item adopted unanimously by a body of three; returns the decision id. */    /** An OTHER item adopted unanimously by a body of three; returns the decision id. */
    private String adoptedDecision(Organ organ) {
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        return adoptUnanimously(organ, meeting, "i1", 3);
    }

    private static void refused(ApiClient.Response response, String ruleId) {
        assertThat(response.status()).as("%s", response).isEqualTo(422);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).isEqualTo(ruleId);
        assertThat(response.body().path("ruleTitle").asText()).as("Chinese rule title").isNotBlank();
    }
}
