package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Builds one aggregate's history for fold tests: events in sequence order, each recorded at a given instant. */
final class Events {
    static final ObjectMapper JSON = new ObjectMapper();
    private final AggregateKind kind;
    private final String id;
    private final String committeeId;
    private final String organId;
    private final List<RecordedEvent> events = new ArrayList<>();
    private Instant recordedAt = Instant.parse("2026-01-01T00:00:00Z");

    Events(AggregateKind kind, String id, String committeeId, String organId) {
        this.kind = kind;
        this.id = id;
        this.committeeId = committeeId;
        this.organId = organId;
    }

    static Events organ(String id) {
        return new Events(AggregateKind.ORGAN, id, "c", id);
    }

    Events recordedAt(String instant) {
        recordedAt = Instant.parse(instant);
        return this;
    }

    /** Adds an event whose data is {@code fields} as name/value pairs. */
    Events add(String type, Object... fields) {
        ObjectNode data = JSON.createObjectNode();
        for (int i = 0; i < fields.length; i += 2) {
            data.set((String) fields[i], JSON.valueToTree(fields[i + 1]));
        }
        events.add(new RecordedEvent("jiguan.test." + type, "e" + events.size(), events.size(), recordedAt, data));
        return this;
    }

    AggregateHistory history() {
        return new AggregateHistory(kind, id, committeeId, organId, events);
    }
}
