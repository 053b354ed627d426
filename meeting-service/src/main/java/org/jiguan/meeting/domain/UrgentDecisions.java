package org.jiguan.meeting.domain;

import static org.jiguan.platform.time.BusinessCalendar.dateOf;
import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.OrganAffairsMeeting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.TakeUrgentDecision;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-14 (PG 19): when no meeting can be convened in time the principal decides alone (临机处置), and reports it
 * to the next affairs meeting of the organ — the first one opened on or after the day of the decision, not any later
 * one; until then the decision shows as pending report.
 */
final class UrgentDecisions {
    private UrgentDecisions() {
    }

    static OrganOnDate requireTakeable(TakeUrgentDecision command) {
        RuleViolation.requirePresent(command.decidedOn(), "R-MEET-14", "the date of the urgent decision");
        OrganOnDate organ = OrganStanding.require(command.organ(), null, command.decidedOn());
        OrganStanding.whyInactive(organ).ifPresent(why -> {
            throw new RuleViolation("R-MEET-14", why + ", so it cannot decide on " + organ.date());
        });
        String principal = OrganStanding.principal(organ.members()).map(BodyMember::memberId).orElse(null);
        RuleViolation.require(principal != null && principal.equals(command.decidedBy()), "R-MEET-14",
                "only the principal decides alone; on " + organ.date() + " that is "
                        + (principal == null ? "nobody (the post is vacant)" : principal) + ", not "
                        + command.decidedBy());
        RuleViolation.require(hasText(command.title()), "R-MEET-14", "the urgent decision's title is required");
        RuleViolation.require(command.category() != null, "R-MEET-14", "the urgent decision's category is required");
        RuleViolation.require(hasText(command.reason()), "R-MEET-14",
                "the reason no meeting could be convened in time is required");
        return organ;
    }

    static void requireReportable(String decisionId, DecisionOrigin origin, String reportedTo, String organId,
                                  LocalDate decidedOn, MeetingFacts meeting) {
        RuleViolation.require(origin == DecisionOrigin.URGENT, "R-MEET-14",
                "decision " + decisionId + " was taken by a meeting; only urgent decisions are reported");
        RuleViolation.require(reportedTo == null, "R-MEET-14",
                "decision " + decisionId + " was already reported to meeting " + reportedTo);
        RuleViolation.require(meeting.kind() == MeetingKind.AFFAIRS, "R-MEET-14",
                "an urgent decision is reported to an affairs meeting, not to " + meeting.kind() + " meeting "
                        + meeting.meetingId());
        RuleViolation.require(organId.equals(meeting.organId()), "R-MEET-14",
                "meeting " + meeting.meetingId() + " is not a meeting of organ " + organId);
        RuleViolation.require(meeting.openedOn() != null && !meeting.openedOn().isBefore(decidedOn), "R-MEET-14",
                "meeting " + meeting.meetingId() + " did not open on or after " + decidedOn
                        + ", the date of the decision");
    }

    /**
     * The meeting reported to is the first affairs meeting of the organ that opened on or after the day of the
     * decision (decisions are dated by day, so one opened that day counts as after it). The organ's meetings come
     * from meeting-service's view of its own events: while that view has not yet seen the meeting reported to, it
     * cannot tell which came first, and the report waits (a conflict, retried) rather than being judged on a guess.
     */
    static void requireNextAffairsMeeting(String decisionId, LocalDate decidedOn, MeetingFacts meeting,
                                          List<OrganAffairsMeeting> affairsMeetings) {
        List<OrganAffairsMeeting> known = affairsMeetings == null ? List.of() : affairsMeetings;
        if (known.stream().noneMatch(m -> m.meetingId().equals(meeting.meetingId()))) {
            throw new Conflict("the opening of meeting " + meeting.meetingId() + " is not yet known to "
                    + "meeting-service's list of the organ's affairs meetings; retry in a moment");
        }
        known.stream()
                .filter(m -> m.openedAt() != null && !dateOf(m.openedAt()).isBefore(decidedOn)
                        && m.openedAt().isBefore(meeting.openedAt()))
                .min(Comparator.comparing(OrganAffairsMeeting::openedAt))
                .ifPresent(next -> {
                    throw new RuleViolation("R-MEET-14", "urgent decision " + decisionId + " of " + decidedOn
                            + " is reported to the next affairs meeting, " + next.meetingId() + " opened on "
                            + dateOf(next.openedAt()) + ", not to the later meeting " + meeting.meetingId());
                });
    }
}
