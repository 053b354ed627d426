package org.jiguan.oversight.web;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.domain.views.DatedEvent;

/**
 * One event of an aggregate's history as shown: its type ({@code OrganCreated}) and CloudEvents type, event id
 * ({@code ce_id}), sequence, business date (null for acts that hold since ever), when it was recorded
 * ({@code ce_time}) and its data as the producer sent it.
 */
public record HistoryEntry(long sequence, String type, String ceType, String eventId, LocalDate businessDate,
                           Instant recordedAt, JsonNode data) {

    static HistoryEntry of(DatedEvent e) {
        return new HistoryEntry(e.event().sequence(), e.name(), e.event().type(), e.event().eventId(), e.shownDate(),
                e.event().recordedAt(), e.event().data());
    }
}
