package org.jiguan.organ.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.platform.security.CommitteeTree;
import org.jiguan.platform.rules.NotFound;
import org.springframework.stereotype.Component;

/**
 * Which committee an organ belongs to, and which committee a committee sits under (the {@link CommitteeTree} of
 * {@code "<id>/**"} scopes), for the caller's scope check before a command is sent. Read from the organ's or the
 * committee's first event in the store (never from an eventually consistent view) and cached: it never changes.
 */
@Component
public class OrganDirectory implements CommitteeTree {
    private final EventStore eventStore;
    private final Map<String, String> committeeByOrgan = new ConcurrentHashMap<>();
    private final CommitteeTree committees = CommitteeTree.remembering(this::registeredParent);

    public OrganDirectory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    @Override
    public Optional<String> parentOf(String committeeId) {
        return committees.parentOf(committeeId);
    }

    private String registeredParent(String committeeId) {
        DomainEventStream events = eventStore.readEvents(committeeId, 0);
        if (events.hasNext() && events.next().getPayload() instanceof CommitteeRegistered registered) {
            return registered.parentCommitteeId() == null ? "" : registered.parentCommitteeId();
        }
        return null;
    }

    public String committeeOf(String organId) {
        String cached = committeeByOrgan.get(organId);
        if (cached != null) {
            return cached;
        }
        DomainEventStream events = eventStore.readEvents(organId, 0);
        if (events.hasNext()) {
            DomainEventMessage<?> first = events.next();
            if (first.getPayload() instanceof OrganCreated created) {
                committeeByOrgan.put(organId, created.committeeId());
                return created.committeeId();
            }
        }
        throw new NotFound("Organ " + organId + " does not exist");
    }
}
