package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesIssued;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingMethod;
import org.junit.jupiter.api.Test;

/** R-MEET-15: what of each event goes on meeting-events. */
class ConfidentialContentTest {
    private static final ConfidentialContent FORM = new ConfidentialContent();
    private static final Instant AT = Instant.parse("2026-11-10T01:00:00Z");

    @Test
    void R_MEET_15_minutes_text_stays_off_meeting_events() {
        assertThat(FORM.of(new MinutesRecorded("m", "o", "c", "rec", "会议纪要全文")))
                .isEqualTo(new MinutesRecorded("m", "o", "c", "rec", null));
    }

    @Test
    void R_MEET_15_written_opinions_stay_off_meeting_events_the_attendance_does_not() {
        List<BodyMember> body = List.of(new BodyMember("p1", "王明", LeaderRole.PRINCIPAL, false),
                new BodyMember("p2", "李华", LeaderRole.DEPUTY, false));
        assertThat(FORM.of(new MeetingOpened("m", "o", "c", AT, body, List.of("p1"),
                List.of(new Absence("p2", "同意")))))
                .isEqualTo(new MeetingOpened("m", "o", "c", AT, body, List.of("p1"), List.of(new Absence("p2", null))));
    }

    @Test
    void R_MEET_15_recusal_reasons_stay_off_meeting_events_who_recused_does_not() {
        assertThat(FORM.of(new MemberRecused("m", "o", "c", "i", "p3", "亲属任职于承建单位")))
                .isEqualTo(new MemberRecused("m", "o", "c", "i", "p3", null));
    }

    @Test
    void R_MEET_15_how_a_named_member_voted_stays_off_meeting_events_who_voted_does_not() {
        assertThat(FORM.of(new VoteRecorded("m", "o", "c", "i", "p1", VoteChoice.AGAINST, VotingMethod.ROLL_CALL)))
                .isEqualTo(new VoteRecorded("m", "o", "c", "i", "p1", null, VotingMethod.ROLL_CALL));
    }

    @Test
    void R_MEET_15_other_events_are_published_as_stored() {
        MinutesIssued issued = new MinutesIssued("m", "o", "c", "p1", AT);
        assertThat(FORM.of(issued)).isSameAs(issued);
    }
}
