package org.jiguan.meeting.web;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.meeting.api.DecisionTaken;
import org.jiguan.meeting.api.MeetingConvened;
import org.jiguan.meeting.api.UrgentDecisionTaken;
import org.jiguan.platform.rules.NotFound;
import org.springframework.stereotype.Component;

/**
 * Which organ and committee a meeting or decision belongs to, for the caller's scope check before a command is
 * sent. Read from the first event in the store (never from a view) and cached: it never changes.
 */
@Component
public class MeetingDirectory {
    /** The organ a meeting or decision belongs to. */
    public record OrganRef(String organId, String committeeId) {
    }

    private final EventStore eventStore;
    private final Map<String, OrganRef> known = new ConcurrentHashMap<>();

    public MeetingDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public OrganRef ofMeeting(String meetingId) {
        return known.computeIfAbsent("meeting:" + meetingId, key -> {
            if (firstEvent(meetingId) instanceof MeetingConvened convened) {
                return new OrganRef(convened.organId(), convened.committeeId());
            }
            throw new NotFound("Meeting " + meetingId + " does not exist");
        });
    }

    public OrganRef ofDecision(String decisionId) {
        return known.computeIfAbsent("decision:" + decisionId, key -> {
            Object first = firstEvent(decisionId);
            if (first instanceof DecisionTaken taken) {
                return new OrganRef(taken.organId(), taken.committeeId());
            }
            if (first instanceof UrgentDecisionTaken taken) {
                return new OrganRef(taken.organId(), taken.committeeId());
            }
            throw new NotFound("Decision " + decisionId + " does not exist");
        });
    }

    private Object firstEvent(String aggregateId) {
        DomainEventStream events = eventStore.readEvents(aggregateId, 0);
        if (!events.hasNext()) {
            return null;
        }
        DomainEventMessage<?> first = events.next();
        return first.getPayload();
    }
}
