package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One event as oversight keeps it in an aggregate's history: the CloudEvent's {@code ce_type}, {@code ce_id},
 * {@code ce_sequence} and {@code ce_time} (when the producer recorded it) with the event's data.
 */
public record RecordedEvent(String type, String eventId, long sequence, Instant recordedAt, JsonNode data) {

    public RecordedEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(data, "data");
    }

    /** {@code jiguan.organ.OrganCreated} → {@code OrganCreated}. */
    public String name() {
        return type.substring(type.lastIndexOf('.') + 1);
    }
}
