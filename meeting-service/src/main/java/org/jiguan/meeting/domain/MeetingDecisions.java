package org.jiguan.meeting.domain;

import static org.jiguan.platform.axon.Aggregates.find;
import static org.jiguan.platform.axon.Aggregates.requireUnused;

import java.util.Optional;
import java.util.UUID;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.jiguan.meeting.api.CloseItem;
import org.jiguan.meeting.api.ReportUrgentDecision;
import org.jiguan.platform.rules.NotFound;

/**
 * The acts that involve a meeting and a decision together. Each runs in the command's single unit of work, so the
 * meeting's outcome, the new decision and the earlier decision it replaces are stored together or not at all.
 */
public class MeetingDecisions {
    private final Repository<Meeting> meetings;
    private final Repository<Decision> decisions;

    public MeetingDecisions(Repository<Meeting> meetings, Repository<Decision> decisions) {
        this.meetings = meetings;
        this.decisions = decisions;
    }

    /**
     * R-MEET-10 and, for an item that reconsiders an earlier decision, R-MEET-13.
     *
     * @return the id of the decision taken, or null when the item was rejected or deferred
     */
    @CommandHandler
    public String handle(CloseItem command) {
        Aggregate<Meeting> meeting = find(meetings, command.meetingId())
                .orElseThrow(() -> new NotFound("no meeting " + command.meetingId()));
        String decisionId = command.decisionId();
        if (decisionId == null || decisionId.isBlank()) {
            decisionId = UUID.randomUUID().toString();
        } else if (!command.defer()) {
            requireUnused(decisions, decisionId);
        }
        String newDecisionId = decisionId;
        Optional<Adoption> adoption = meeting.invoke(m -> m.close(command, newDecisionId));
        adoption.filter(a -> a.reconsidersDecisionId() != null).ifPresent(a ->
                decision(a.reconsidersDecisionId()).execute(earlier -> earlier.reconsider(a)));
        return adoption.map(Adoption::decisionId).orElse(null);
    }

    /** R-MEET-14: the decision judges the meeting it is reported to. */
    @CommandHandler
    public void handle(ReportUrgentDecision command) {
        Aggregate<Decision> decision = decision(command.decisionId());
        MeetingFacts meeting = find(meetings, command.meetingId())
                .orElseThrow(() -> new NotFound("no meeting " + command.meetingId()))
                .invoke(Meeting::facts);
        decision.execute(d -> d.reportTo(meeting, command.affairsMeetings()));
    }

    private Aggregate<Decision> decision(String decisionId) {
        return find(decisions, decisionId).orElseThrow(() -> new NotFound("no decision " + decisionId));
    }
}
