package org.jiguan.oversight.domain.views;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** R-MEET-15: who reads a meeting's confidential content, and what everyone else sees. */
class MeetingConfidentialityTest {
    private static final TimeSlice DAY = TimeSlice.asOf(LocalDate.parse("2025-04-20"));

    private static Events meeting() {
        return new Events(AggregateKind.MEETING, "m", "c", "o")
                .add("MeetingConvened", "organName", "宣传部", "kind", "AFFAIRS", "scheduledAt", "2025-04-10T02:00:00Z",
                        "agenda", List.of(Map.of("itemId", "i1", "title", "甲", "category", "MAJOR_DECISION")))
                .add("MeetingOpened", "openedAt", "2025-04-10T02:05:00Z", "present", List.of("a", "b"),
                        "absent", List.of(Map.of("memberId", "c", "writtenOpinion", "同意")))
                .add("MemberRecused", "itemId", "i1", "memberId", "b", "reason", "亲属利益")
                .add("VotingOpened", "itemId", "i1", "method", "ROLL_CALL")
                .add("VoteRecorded", "itemId", "i1", "memberId", "a", "choice", "FOR", "method", "ROLL_CALL")
                .add("ItemAdopted", "itemId", "i1", "decisionId", "d1", "forVotes", 1, "againstVotes", 0,
                        "abstentions", 0, "membersWhoShouldAttend", 3, "decidedAt", "2025-04-10T03:00:00Z")
                .add("MinutesRecorded", "recorderId", "r", "text", "纪要全文");
    }

    private static AggregateHistory issued(Map<String, Object> circulation) {
        return meeting().add("MinutesIssued", "signedBy", "a", "issuedAt", "2025-04-15T02:00:00Z",
                "circulation", circulation).history();
    }

    private static Reader reader(String role, Set<String> committees, Set<String> organs) {
        return new Reader(Set.of(role), committees, organs);
    }

    @Test
    void R_MEET_15_the_organs_own_office_its_committees_office_and_admin_are_the_meetings_circle() {
        AggregateHistory history = meeting().history();
        assertThat(MeetingConfidentiality.readableBy(reader("ORGAN_OFFICE", Set.of("c"), Set.of("o")), history)).isTrue();
        assertThat(MeetingConfidentiality.readableBy(reader("ORGAN_OFFICE", Set.of("c"), Set.of()), history)).isTrue();
        assertThat(MeetingConfidentiality.readableBy(reader("COMMITTEE_OFFICE", Set.of("c"), Set.of()), history)).isTrue();
        assertThat(MeetingConfidentiality.readableBy(reader("ADMIN", Set.of(), Set.of()), history)).isTrue();
    }

    @Test
    void R_MEET_15_another_organs_office_another_committees_office_and_a_viewer_are_outside_it() {
        AggregateHistory history = meeting().history();
        assertThat(MeetingConfidentiality.readableBy(reader("ORGAN_OFFICE", Set.of("c"), Set.of("o2")), history))
                .isFalse();
        assertThat(MeetingConfidentiality.readableBy(reader("COMMITTEE_OFFICE", Set.of("c2"), Set.of()), history))
                .isFalse();
        assertThat(MeetingConfidentiality.readableBy(reader("OVERSIGHT_VIEWER", Set.of("*"), Set.of()), history))
                .isFalse();
    }

    @Test
    void R_MEET_15_the_issued_minutes_circulation_scope_lets_in_its_roles_in_its_committees() {
        AggregateHistory history = issued(Map.of("roles", List.of("OVERSIGHT_VIEWER"), "committees", List.of("c")));
        assertThat(MeetingConfidentiality.readableBy(reader("OVERSIGHT_VIEWER", Set.of("c"), Set.of()), history))
                .isTrue();
        assertThat(MeetingConfidentiality.readableBy(reader("OVERSIGHT_VIEWER", Set.of("c2"), Set.of()), history))
                .isFalse();
        assertThat(MeetingConfidentiality.readableBy(reader("COMMITTEE_OFFICE", Set.of("c2"), Set.of()), history))
                .isFalse();
    }

    @Test
    void R_MEET_15_outside_the_circle_the_outcomes_are_shown_without_what_was_said_or_how_a_member_voted() {
        AggregateHistory history = issued(null);
        MeetingView full = MeetingFold.fold(history, DAY, true).orElseThrow();
        assertThat(full.minutes().text()).isEqualTo("纪要全文");
        assertThat(full.attendance().absent().get(0).writtenOpinion()).isEqualTo("同意");
        assertThat(full.agenda().get(0).recusalReasons().get(0).reason()).isEqualTo("亲属利益");
        assertThat(full.agenda().get(0).votes().get(0).choice()).isEqualTo("FOR");

        MeetingView outcomes = MeetingFold.fold(MeetingConfidentiality.outcomesOnly(history), DAY, false).orElseThrow();
        assertThat(outcomes.confidentialContentShown()).isFalse();
        assertThat(outcomes.minutes().text()).isNull();
        assertThat(outcomes.minutes().status()).isEqualTo(MeetingView.MinutesStatus.ISSUED);
        assertThat(outcomes.attendance().absent().get(0).writtenOpinion()).isNull();
        MeetingView.Item item = outcomes.agenda().get(0);
        assertThat(item.recusals()).containsExactly("b");
        assertThat(item.recusalReasons().get(0).reason()).isNull();
        assertThat(item.votes()).containsExactly(new MeetingView.Vote("a", null));
        assertThat(item.status()).isEqualTo(MeetingView.ItemStatus.ADOPTED);
        assertThat(item.forVotes()).isEqualTo(1);
        assertThat(item.decisionId()).isEqualTo("d1");
        assertThat(history.events().get(6).data().path("text").asText()).as("the history itself is untouched")
                .isEqualTo("纪要全文");
    }
}
