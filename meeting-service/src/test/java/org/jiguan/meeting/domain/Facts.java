package org.jiguan.meeting.domain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.ConveneMeeting;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.ItemCategory;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.OpenMeeting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.meeting.api.VoteChoice;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingMethod;
import org.jiguan.meeting.api.VotingOpened;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * A small world for the domain tests: organ {@code gd-org} of committee {@code gd} with a body of seven — the
 * principal {@code sec}, deputies {@code dep1} and {@code dep2}, the discipline group leader {@code dg} and members
 * {@code m1..m3}. Today is 2026-03-15 10:00 in Beijing; the meeting sat yesterday at 09:00 after notice two days
 * before it.
 */
final class Facts {
    static final ZoneId BEIJING = BusinessCalendar.ZONE;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), BEIJING);
    static final Instant NOW = CLOCK.instant();
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static final String COMMITTEE = "gd";
    static final String ORGAN = "gd-org";
    static final String ORGAN_NAME = "组织部";
    static final String MEETING = "mtg-1";
    static final String RECORDER = "clerk";
    static final String PRINCIPAL = "sec";
    static final Instant SCHEDULED = Instant.parse("2026-03-14T01:00:00Z");
    static final LocalDate MEETING_DATE = LocalDate.of(2026, 3, 14);
    static final Instant NOTICE = SCHEDULED.minus(Duration.ofDays(2));
    static final Instant OPENED = SCHEDULED;
    static final Attendee GUEST = new Attendee("guest", "列席的处长");
    static final List<String> BODY = List.of("sec", "dep1", "dep2", "dg", "m1", "m2", "m3");
    /** Five of seven: more than half, and exactly the two thirds a personnel item needs. */
    static final String[] FIVE_PRESENT = {"sec", "dep1", "dep2", "dg", "m1"};

    private Facts() {
    }

    static List<BodyMember> body() {
        return List.of(member("sec", LeaderRole.PRINCIPAL), member("dep1", LeaderRole.DEPUTY),
                member("dep2", LeaderRole.DEPUTY), member("dg", LeaderRole.DISCIPLINE_GROUP_LEADER),
                member("m1", LeaderRole.MEMBER), member("m2", LeaderRole.MEMBER), member("m3", LeaderRole.MEMBER));
    }

    static List<BodyMember> bodyWithoutPrincipal() {
        return body().stream().filter(m -> m.role() != LeaderRole.PRINCIPAL).toList();
    }

    static BodyMember member(String id, LeaderRole role) {
        return new BodyMember(id, "Leader " + id, role, false);
    }

    static OrganOnDate organ(LocalDate date) {
        return organ(date, body());
    }

    static OrganOnDate organ(LocalDate date, List<BodyMember> members) {
        return new OrganOnDate(ORGAN, COMMITTEE, ORGAN_NAME, date, OrganStatus.ACTIVE, members);
    }

    static AgendaItem item(String id, ItemCategory category) {
        return new AgendaItem(id, "Item " + id, category, false, null);
    }

    static AgendaItem macroItem(String id, ItemCategory category) {
        return new AgendaItem(id, "Item " + id, category, true, null);
    }

    static AgendaItem reconsidering(String id, String earlierDecisionId) {
        return new AgendaItem(id, "Item " + id, ItemCategory.OTHER, false, earlierDecisionId);
    }

    static ConveneMeeting convene(MeetingKind kind, AgendaItem... agenda) {
        return new ConveneMeeting(MEETING, organ(MEETING_DATE), kind, PRINCIPAL, ConvenerBasis.PRINCIPAL, null,
                SCHEDULED, NOTICE, false, null, RECORDER, List.of(agenda), List.of(GUEST));
    }

    static ConveneMeeting convene(String convenerId, ConvenerBasis basis, ConvenerMandate mandate,
                                  OrganOnDate organ) {
        return new ConveneMeeting(MEETING, organ, MeetingKind.AFFAIRS, convenerId, basis, mandate, SCHEDULED, NOTICE,
                false, null, RECORDER, List.of(item("i1", ItemCategory.OTHER)), List.of(GUEST));
    }

    static ConveneMeeting convene(Instant scheduledAt, Instant noticeGivenAt, boolean emergency, String reason) {
        return new ConveneMeeting(MEETING, organ(LocalDate.ofInstant(scheduledAt, BEIJING)), MeetingKind.AFFAIRS,
                PRINCIPAL, ConvenerBasis.PRINCIPAL, null, scheduledAt, noticeGivenAt, emergency, reason, RECORDER,
                List.of(item("i1", ItemCategory.OTHER)), List.of(GUEST));
    }

    static MeetingConvened convened(MeetingKind kind, AgendaItem... agenda) {
        return convened(MEETING, kind, PRINCIPAL, ConvenerBasis.PRINCIPAL, null, false, agenda);
    }

    static MeetingConvened convened(String meetingId, MeetingKind kind, String convenerId, ConvenerBasis basis,
                                    ConvenerMandate mandate, boolean emergency, AgendaItem... agenda) {
        return new MeetingConvened(meetingId, ORGAN, COMMITTEE, ORGAN_NAME, MEETING_DATE, kind, convenerId, basis,
                mandate, SCHEDULED, emergency ? null : NOTICE, emergency, emergency ? "flood" : null, RECORDER,
                List.of(agenda), List.of(GUEST), body());
    }

    static OpenMeeting open(String... present) {
        return new OpenMeeting(MEETING, organ(MEETING_DATE), OPENED, List.of(present), absences(present));
    }

    static MeetingOpened opened(String... present) {
        return new MeetingOpened(MEETING, ORGAN, COMMITTEE, OPENED, body(), List.of(present), absences(present));
    }

    /** Everyone on the body not named present, without written opinions. */
    static List<Absence> absences(String... present) {
        List<String> here = Arrays.asList(present);
        return BODY.stream().filter(m -> !here.contains(m)).map(m -> new Absence(m, null)).toList();
    }

    static ItemPreparationRecorded prepared(String itemId, PreparationStep step) {
        return new ItemPreparationRecorded(MEETING, ORGAN, COMMITTEE, itemId, step, LocalDate.of(2026, 3, 1),
                "done");
    }

    static List<Object> preparedForMajorItem(String itemId) {
        return List.of(prepared(itemId, PreparationStep.INVESTIGATION), prepared(itemId, PreparationStep.CONSULTATION),
                prepared(itemId, PreparationStep.EXPERT_EVALUATION),
                prepared(itemId, PreparationStep.LEGALITY_REVIEW));
    }

    static VotingOpened votingOpened(String itemId, VotingMethod method) {
        return new VotingOpened(MEETING, ORGAN, COMMITTEE, itemId, method);
    }

    static VoteRecorded voted(String itemId, String memberId, VoteChoice choice) {
        return new VoteRecorded(MEETING, ORGAN, COMMITTEE, itemId, memberId, choice, VotingMethod.SHOW_OF_HANDS);
    }

    static VoteRecorded votedSecretly(String itemId, String memberId) {
        return new VoteRecorded(MEETING, ORGAN, COMMITTEE, itemId, memberId, null, VotingMethod.SECRET_BALLOT);
    }

    static DecisionTaken decisionTaken(String decisionId, LocalDate decidedOn) {
        return decisionTaken(decisionId, ORGAN, "mtg-0", decidedOn);
    }

    static DecisionTaken decisionTaken(String decisionId, String organId, String meetingId, LocalDate decidedOn) {
        return new DecisionTaken(decisionId, organId, COMMITTEE, meetingId, "i0", "Earlier item",
                ItemCategory.MAJOR_PROJECT, decidedOn, DecisionOrigin.MEETING, null);
    }

    /** Flattens events and lists of events into one list, for {@code given}. */
    static List<Object> events(Object... parts) {
        List<Object> all = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof List<?> list) {
                all.addAll(list);
            } else {
                all.add(part);
            }
        }
        return all;
    }

    /** Matches a {@link RuleViolation} of exactly {@code ruleId}. */
    static Matcher<Object> violationOf(String ruleId) {
        return violationOf(ruleId, "");
    }

    /** Matches a {@link RuleViolation} of exactly {@code ruleId} whose message contains {@code text}. */
    static Matcher<Object> violationOf(String ruleId, String text) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation violation && ruleId.equals(violation.ruleId())
                        && violation.getMessage().contains(text);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of " + ruleId + " saying \"" + text + "\"");
            }

            @Override
            public void describeMismatch(Object item, Description description) {
                description.appendText("was ").appendValue(item instanceof RuleViolation v
                        ? "RuleViolation " + v.ruleId() + ": " + v.getMessage() : item);
            }
        };
    }
}
