package org.jiguan.meeting.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.createNew;
import static org.jiguan.platform.time.BusinessCalendar.dateOf;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.AddAgendaItem;
import org.jiguan.meeting.api.AdjournMeeting;
import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.AgendaItemAdded;
import org.jiguan.meeting.api.Attendee;
import org.jiguan.meeting.api.BallotCount;
import org.jiguan.meeting.api.CloseItem;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConveneMeeting;
import org.jiguan.meeting.api.DecisionOrigin;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.DeclareRecusal;
import org.jiguan.meeting.api.IssueMinutes;
import org.jiguan.meeting.api.ItemAdopted;
import org.jiguan.meeting.api.ItemDeferred;
import org.jiguan.meeting.api.ItemPreparationRecorded;
import org.jiguan.meeting.api.ItemRejected;
import org.jiguan.meeting.api.MeetingAdjourned;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesIssued;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.OpenMeeting;
import org.jiguan.meeting.api.OpenVoting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.RecordMinutes;
import org.jiguan.meeting.api.RecordPreparation;
import org.jiguan.meeting.api.RecordVote;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.meeting.api.VotingOpened;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;

/**
 * An affairs or office meeting of one organ, from convening to issued minutes: its agenda, attendance, recusals,
 * item-by-item votes and outcomes. Each rule is judged by its own class; this aggregate keeps the state and the
 * order of the acts.
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache",
        commandTargetResolver = "commandTargets")
@Revision("2") // preparation steps with their dates: snapshots of revision 1 are passed over
public class Meeting {
    @AggregateIdentifier
    private String meetingId;
    private String organId;
    private String committeeId;
    private MeetingKind kind;
    private String convenerId;
    private ConvenerBasis convenerBasis;
    private Instant noticeGivenAt;
    private boolean emergency;
    private Set<String> nonVotingAttendees = new HashSet<>();
    private Map<String, MeetingItem> items = new LinkedHashMap<>();
    /** Null until the meeting opens. */
    private Attendance attendance;
    private Instant openedAt;
    private boolean adjourned;
    /** The one item being voted, if any (R-MEET-9). */
    private String votingItemId;
    private Minutes minutes;

    protected Meeting() {
        // for Axon
    }

    @CommandHandler
    public Meeting(ConveneMeeting command) {
        MeetingKinds.requireKind(command.kind());
        Notice.requireNotice(command.scheduledAt(), command.noticeGivenAt(), command.emergency(),
                command.emergencyReason());
        OrganOnDate organ = OrganStanding.require(command.organ(), null, dateOf(command.scheduledAt()));
        Convening.requireOrganMeets(organ);
        Convening.requireConvener(organ, command.convenerId(), command.convenerBasis(), command.mandate());
        List<AgendaItem> agenda = Agenda.requireWellFormed(command.agenda());
        agenda.forEach(item -> DecisionChanges.requireReconsideredInAffairsMeeting(command.kind(), item));
        List<Attendee> attendees = Attendance.requireNonVotingAttendees(organ, command.nonVotingAttendees());
        Minutes.requireRecorder(command.recorderId());
        apply(new MeetingConvened(command.meetingId(), organ.organId(), organ.committeeId(), organ.organName(),
                organ.date(), command.kind(), command.convenerId(), command.convenerBasis(), command.mandate(),
                command.scheduledAt(), command.noticeGivenAt(), command.emergency(), command.emergencyReason(),
                command.recorderId(), agenda, attendees, organ.members()));
    }

    @CommandHandler
    public void handle(AddAgendaItem command) {
        requireNotAdjourned();
        String itemId = command.item() == null ? null : command.item().itemId();
        Notice.requireAdHocAllowed(emergency, itemId);
        Agenda.requireAddable(items.keySet(), command.item());
        DecisionChanges.requireReconsideredInAffairsMeeting(kind, command.item());
        apply(new AgendaItemAdded(meetingId, organId, committeeId, command.item()));
    }

    @CommandHandler
    public void handle(RecordPreparation command) {
        requireNotAdjourned();
        MeetingItem item = requireOpenItem(command.itemId());
        Preparation.requireStep(command.step(), command.completedOn());
        apply(new ItemPreparationRecorded(meetingId, organId, committeeId, item.itemId(), command.step(),
                command.completedOn(), command.note()));
    }

    @CommandHandler
    public void handle(OpenMeeting command) {
        if (attendance != null) {
            throw new Conflict("meeting " + meetingId + " has already opened");
        }
        Notice.requireOpeningTime(command.openedAt(), noticeGivenAt, emergency);
        OrganOnDate organ = OrganStanding.require(command.organ(), organId, dateOf(command.openedAt()));
        Convening.requireOrganMeets(organ);
        List<String> present = command.present() == null ? List.of() : List.copyOf(command.present());
        List<Absence> absent = command.absent() == null ? List.of() : List.copyOf(command.absent());
        Attendance.requireComplete(organ, present, absent, nonVotingAttendees);
        Quorum.requireToOpen(present.size(), organ.members().size());
        apply(new MeetingOpened(meetingId, organId, committeeId, command.openedAt(), organ.members(), present,
                absent));
    }

    @CommandHandler
    public void handle(DeclareRecusal command) {
        requireInSession();
        MeetingItem item = requireItem(command.itemId());
        if (item.isRecused(command.memberId())) {
            throw new Conflict(command.memberId() + " has already recused from item " + item.itemId());
        }
        Recusal.requireRecusable(item, attendance, command.memberId(), command.reason());
        apply(new MemberRecused(meetingId, organId, committeeId, item.itemId(), command.memberId(),
                command.reason()));
    }

    @CommandHandler
    public void handle(OpenVoting command) {
        requireInSession();
        MeetingItem item = requireOpenItem(command.itemId());
        if (item.stage() == MeetingItem.Stage.VOTING) {
            throw new Conflict("item " + item.itemId() + " is already being voted");
        }
        Voting.requireMethod(command.method());
        Voting.requireNoOtherVoting(votingItemId, item.itemId());
        MeetingKinds.requireMayDecide(kind, item.item());
        Preparation.requireReadyForVote(item);
        Quorum.requireForItem(item.item(), item.presentNotRecused(attendance.present()),
                attendance.membersWhoShouldAttend());
        apply(new VotingOpened(meetingId, organId, committeeId, item.itemId(), command.method()));
    }

    /** Before the meeting opens no item can be open for voting, so R-MEET-9 answers that case too. */
    @CommandHandler
    public void handle(RecordVote command) {
        requireNotAdjourned();
        MeetingItem item = requireItem(command.itemId());
        Attendance.requireNotNonVoting(command.memberId(), nonVotingAttendees);
        Voting.requireVotingOpen(item);
        Recusal.requireNotRecused(item, command.memberId());
        Voting.requireVoter(item, attendance, command.memberId());
        Voting.requireChoice(item.method(), command.choice());
        apply(new VoteRecorded(meetingId, organId, committeeId, item.itemId(), command.memberId(), command.choice(),
                item.method()));
    }

    /**
     * Closes an item; called by {@link MeetingDecisions}, which also updates a decision the item reconsiders. An
     * adoption creates its {@link Decision} in the same unit of work.
     *
     * @return what was adopted, or empty when the item was rejected or deferred
     */
    Optional<Adoption> close(CloseItem command, String decisionId) {
        requireInSession();
        MeetingItem item = requireOpenItem(command.itemId());
        if (command.defer()) {
            Outcome.requireDeferral(command.reason());
            apply(new ItemDeferred(meetingId, organId, committeeId, item.itemId(), command.reason()));
            return Optional.empty();
        }
        Outcome.requireVoted(item);
        Instant decidedAt = Outcome.requireDecisionTime(command.closedAt(), openedAt);
        Preparation.requirePreparedBy(item, dateOf(decidedAt));
        List<String> positions = Outcome.requirePositionsOrder(command.positionsOrder(), item, attendance,
                convenerId);
        BallotCount tally = Voting.requireTally(item, command.ballotCount());
        int shouldAttend = attendance.membersWhoShouldAttend();
        AgendaItem agendaItem = item.item();
        if (!Outcome.adopted(tally.forVotes(), shouldAttend)) {
            apply(new ItemRejected(meetingId, organId, committeeId, item.itemId(), agendaItem.title(),
                    agendaItem.category(), tally.forVotes(), tally.againstVotes(), tally.abstentions(), shouldAttend,
                    item.method(), positions, decidedAt));
            return Optional.empty();
        }
        apply(new ItemAdopted(meetingId, organId, committeeId, item.itemId(), decisionId, agendaItem.title(),
                agendaItem.category(), tally.forVotes(), tally.againstVotes(), tally.abstentions(), shouldAttend,
                item.method(), positions, decidedAt, agendaItem.reconsidersDecisionId()));
        LocalDate decidedOn = dateOf(decidedAt);
        DecisionTaken taken = new DecisionTaken(decisionId, organId, committeeId, meetingId, item.itemId(),
                agendaItem.title(), agendaItem.category(), decidedOn, DecisionOrigin.MEETING,
                agendaItem.reconsidersDecisionId());
        try {
            createNew(Decision.class, () -> new Decision(taken));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("could not create decision " + decisionId, e);
        }
        return Optional.of(new Adoption(meetingId, organId, item.itemId(), decisionId,
                agendaItem.reconsidersDecisionId(), decidedOn));
    }

    @CommandHandler
    public void handle(RecordMinutes command) {
        minutes.requireRecordable(command.recorderId(), command.text(), attendance != null);
        apply(new MinutesRecorded(meetingId, organId, committeeId, command.recorderId(), command.text()));
    }

    @CommandHandler
    public void handle(IssueMinutes command, Clock clock) {
        boolean everyItemClosed = items.values().stream().allMatch(i -> i.stage() == MeetingItem.Stage.CLOSED);
        Set<String> signers = Minutes.signers(attendance == null ? Optional.empty() : attendance.principal(),
                convenerBasis, convenerId);
        minutes.requireIssuable(command.signedBy(), signers, adjourned || everyItemClosed);
        Instant issuedAt = Minutes.requireIssueTime(command.issuedAt(), openedAt, clock);
        apply(new MinutesIssued(meetingId, organId, committeeId, command.signedBy(), issuedAt,
                command.circulation()));
    }

    @CommandHandler
    public void handle(AdjournMeeting command) {
        requireInSession();
        Outcome.requireNoVotingOpen(votingItemId);
        Notice.requireAdjournmentTime(command.at(), openedAt);
        List<String> undecided = items.values().stream().filter(i -> i.stage() != MeetingItem.Stage.CLOSED)
                .map(MeetingItem::itemId).toList();
        apply(new MeetingAdjourned(meetingId, organId, committeeId, command.at(), undecided));
    }

    MeetingFacts facts() {
        return new MeetingFacts(meetingId, organId, kind, openedAt, openedAt == null ? null : dateOf(openedAt));
    }

    private void requireNotAdjourned() {
        if (adjourned) {
            throw new Conflict("meeting " + meetingId + " has ended");
        }
    }

    /** Attendance, recusals, votes and outcomes belong to the meeting while it sits. */
    private void requireInSession() {
        requireNotAdjourned();
        if (attendance == null) {
            throw new Conflict("meeting " + meetingId + " has not opened");
        }
    }

    private MeetingItem requireItem(String itemId) {
        MeetingItem item = itemId == null ? null : items.get(itemId);
        if (item == null) {
            throw new NotFound("item " + itemId + " is not on the agenda of meeting " + meetingId);
        }
        return item;
    }

    /** An item not yet decided or deferred. */
    private MeetingItem requireOpenItem(String itemId) {
        MeetingItem item = requireItem(itemId);
        if (item.stage() == MeetingItem.Stage.CLOSED) {
            throw new Conflict("item " + itemId + " is already closed");
        }
        return item;
    }

    @EventSourcingHandler
    void on(MeetingConvened event) {
        meetingId = event.meetingId();
        organId = event.organId();
        committeeId = event.committeeId();
        kind = event.kind();
        convenerId = event.convenerId();
        convenerBasis = event.convenerBasis();
        noticeGivenAt = event.noticeGivenAt();
        emergency = event.emergency();
        event.nonVotingAttendees().forEach(a -> nonVotingAttendees.add(a.personId()));
        event.agenda().forEach(item -> items.put(item.itemId(), new MeetingItem(item)));
        minutes = new Minutes(event.recorderId());
    }

    @EventSourcingHandler
    void on(AgendaItemAdded event) {
        items.put(event.item().itemId(), new MeetingItem(event.item()));
    }

    @EventSourcingHandler
    void on(ItemPreparationRecorded event) {
        items.get(event.itemId()).prepared(event.step(), event.completedOn());
    }

    @EventSourcingHandler
    void on(MeetingOpened event) {
        openedAt = event.openedAt();
        attendance = Attendance.of(event.votingMembers(), event.present(), event.absent());
    }

    @EventSourcingHandler
    void on(MemberRecused event) {
        items.get(event.itemId()).recused(event.memberId());
    }

    @EventSourcingHandler
    void on(VotingOpened event) {
        items.get(event.itemId()).votingOpened(event.method());
        votingItemId = event.itemId();
    }

    @EventSourcingHandler
    void on(VoteRecorded event) {
        items.get(event.itemId()).voted(event.memberId(), event.choice());
    }

    @EventSourcingHandler
    void on(ItemAdopted event) {
        itemClosed(event.itemId());
    }

    @EventSourcingHandler
    void on(ItemRejected event) {
        itemClosed(event.itemId());
    }

    @EventSourcingHandler
    void on(ItemDeferred event) {
        itemClosed(event.itemId());
    }

    private void itemClosed(String itemId) {
        items.get(itemId).closed();
        if (itemId.equals(votingItemId)) {
            votingItemId = null;
        }
    }

    @EventSourcingHandler
    void on(MinutesRecorded event) {
        minutes.recorded(event.text());
    }

    @EventSourcingHandler
    void on(MinutesIssued event) {
        minutes.issued();
    }

    @EventSourcingHandler
    void on(MeetingAdjourned event) {
        adjourned = true;
    }
}
