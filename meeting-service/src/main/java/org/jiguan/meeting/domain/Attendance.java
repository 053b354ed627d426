package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-5: who should attend is the leadership body on the meeting date, each member either present or absent;
 * non-voting attendees (列席) speak but never vote; an absent member's written opinion is kept, never counted.
 */
final class Attendance {
    private final List<BodyMember> votingMembers;
    private final Set<String> present;
    private final Map<String, String> writtenOpinions;

    private Attendance(List<BodyMember> votingMembers, Collection<String> present, List<Absence> absent) {
        this.votingMembers = List.copyOf(votingMembers);
        this.present = new LinkedHashSet<>(present);
        this.writtenOpinions = new LinkedHashMap<>();
        absent.forEach(a -> writtenOpinions.put(a.memberId(), a.writtenOpinion()));
    }

    static Attendance of(List<BodyMember> votingMembers, List<String> present, List<Absence> absent) {
        return new Attendance(votingMembers, present, absent);
    }

    /** Non-voting attendees are people outside the body on the scheduled date, named once each. */
    static List<Attendee> requireNonVotingAttendees(OrganOnDate organ, List<Attendee> attendees) {
        List<Attendee> list = attendees == null ? List.of() : List.copyOf(attendees);
        Set<String> ids = new HashSet<>();
        for (Attendee attendee : list) {
            RuleViolation.require(attendee != null && hasText(attendee.personId()), "R-MEET-5",
                    "a non-voting attendee needs an id");
            RuleViolation.require(ids.add(attendee.personId()), "R-MEET-5",
                    attendee.personId() + " is named twice among the non-voting attendees");
            RuleViolation.require(OrganStanding.member(organ.members(), attendee.personId()).isEmpty(), "R-MEET-5",
                    attendee.personId() + " is a voting member of the body, not a non-voting attendee");
        }
        return list;
    }

    /** Present and absent together list every voting member exactly once, and nobody else. */
    static void requireComplete(OrganOnDate organ, List<String> present, List<Absence> absent,
                                Collection<String> nonVotingAttendees) {
        Set<String> body = organ.members().stream().map(BodyMember::memberId).collect(Collectors.toSet());
        List<String> listed = new ArrayList<>(present);
        absent.forEach(a -> {
            RuleViolation.require(a != null, "R-MEET-5", "an absence names its member");
            listed.add(a.memberId());
        });
        Set<String> seen = new HashSet<>();
        for (String memberId : listed) {
            RuleViolation.require(!nonVotingAttendees.contains(memberId), "R-MEET-5", memberId
                    + " attends without a vote and is not listed among the voting members present or absent");
            RuleViolation.require(body.contains(memberId), "R-MEET-5",
                    memberId + " is not on the leadership body of organ " + organ.organId() + " on " + organ.date());
            RuleViolation.require(seen.add(memberId), "R-MEET-5", memberId + " is listed twice in the attendance");
        }
        Set<String> missing = new LinkedHashSet<>(body);
        missing.removeAll(seen);
        RuleViolation.require(missing.isEmpty(), "R-MEET-5",
                "every voting member must be listed as present or absent; missing: " + missing);
    }

    /** A non-voting attendee never votes, whatever else is true of the vote. */
    static void requireNotNonVoting(String memberId, Collection<String> nonVotingAttendees) {
        RuleViolation.require(!nonVotingAttendees.contains(memberId), "R-MEET-5",
                memberId + " attends without a vote (列席) and cannot vote");
    }

    /** 应到会成员: the whole body on the meeting date, present or not. */
    int membersWhoShouldAttend() {
        return votingMembers.size();
    }

    boolean isVotingMember(String memberId) {
        return OrganStanding.member(votingMembers, memberId).isPresent();
    }

    boolean isPresent(String memberId) {
        return present.contains(memberId);
    }

    Set<String> present() {
        return present;
    }

    Optional<BodyMember> principal() {
        return OrganStanding.principal(votingMembers);
    }

    /** Value equality, so Axon's test fixture can tell the state built by commands from the state replayed from events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Attendance that
                && Objects.equals(votingMembers, that.votingMembers) && Objects.equals(present, that.present) && Objects.equals(writtenOpinions, that.writtenOpinions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(votingMembers, present, writtenOpinions);
    }
}
