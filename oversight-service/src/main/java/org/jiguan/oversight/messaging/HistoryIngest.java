package org.jiguan.oversight.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.BusinessDates;
import org.jiguan.oversight.domain.views.RecordedEvent;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.messaging.UnprocessableEvent;

/**
 * Applies one CloudEvent of {@code organ-events} or {@code meeting-records} to the histories. The aggregate is the
 * one the event's subject names (CONTRACT.md: ce_subject and the record key are the aggregate id): on
 * organ-events an organ when {@code organId} is the subject, else a committee when {@code committeeId} is; on
 * meeting-records a decision when {@code decisionId} is the subject, else a meeting when {@code meetingId} is. An
 * event that fits none, lacks its committee or organ, or cannot be placed in time can never be applied and is
 * dead-lettered ({@link UnprocessableEvent}).
 */
public final class HistoryIngest {

    public enum Stream {
        ORGAN_EVENTS, MEETING_EVENTS
    }

    /** The last part of a refusal's CloudEvent type, the same from every service. */
    public static final String REFUSAL = "CommandRefused";

    private final Histories histories;
    private final CommitteeDirectory directory;
    private final Consumer<String> organChanged;

    /**
     * @param directory    kept from the committees' registrations
     * @param organChanged told the organ of every event applied to an organ's history (the reminders' triggers)
     */
    public HistoryIngest(Histories histories, CommitteeDirectory directory, Consumer<String> organChanged) {
        this.histories = histories;
        this.directory = directory;
        this.organChanged = organChanged;
    }

    public Consumer<ReceivedEvent> handler(Stream stream) {
        return event -> apply(stream, event);
    }

    public Consumer<List<ReceivedEvent>> batchHandler(Stream stream) {
        return events -> applyAll(stream, events);
    }

    /**
     * Applies the event to every generation being written (see {@link Histories}): its history, then its read
     * model.
     */
    public void apply(Stream stream, ReceivedEvent event) {
        HistoryStore.Append append = placed(stream, event);
        for (Histories.Generation generation : histories.writeTargets()) {
            generation.histories().append(append.kind(), append.aggregateId(), append.committeeId(),
                    append.organId(), append.event());
            generation.readModels().applyAll(List.of(append), generation.histories());
        }
        changed(List.of(append));
    }

    /**
     * Applies a poll's events to every generation being written, in a few store requests
     * ({@link HistoryStore#appendAll}), and then to their read models in the same batch
     * ({@link ReadModelStore#applyAll}). Throws {@link UnprocessableEvent} when one of them can never be applied,
     * before anything is written; the consumer then applies the events one by one to set that one aside.
     */
    public void applyAll(Stream stream, List<ReceivedEvent> events) {
        List<HistoryStore.Append> batch = new ArrayList<>(events.size());
        for (ReceivedEvent event : events) {
            batch.add(placed(stream, event));
        }
        for (Histories.Generation generation : histories.writeTargets()) {
            generation.appendAll(batch);
        }
        changed(batch);
    }

    private void changed(List<HistoryStore.Append> applied) {
        applied.forEach(a -> directory.apply(a.kind(), a.aggregateId(), a.event()));
        applied.stream().filter(a -> a.kind() == AggregateKind.ORGAN).map(HistoryStore.Append::aggregateId).distinct()
                .forEach(organChanged);
    }

    /** The event placed in its aggregate's history, or {@link UnprocessableEvent} when it can never be. */
    static HistoryStore.Append placed(Stream stream, ReceivedEvent event) {
        JsonNode data = event.data();
        if (data == null || !data.isObject()) {
            throw new UnprocessableEvent(event.type() + " " + event.id() + ": data is not a JSON object");
        }
        if (event.sequence() < 0) {
            throw new UnprocessableEvent(event.type() + " " + event.id() + ": negative sequence " + event.sequence());
        }
        AggregateKind kind = kindOf(stream, event.subject(), data);
        if (kind == null) {
            throw new UnprocessableEvent(event.type() + " " + event.id() + ": subject " + event.subject()
                    + " is none of the ids it carries");
        }
        String committeeId = text(data, "committeeId");
        String organId = kind == AggregateKind.COMMITTEE ? null : text(data, "organId");
        if (committeeId == null || (kind != AggregateKind.COMMITTEE && organId == null)) {
            throw new UnprocessableEvent(event.type() + " " + event.id() + ": committeeId or organId is missing");
        }
        RecordedEvent recorded = new RecordedEvent(event.type(), event.id(), event.sequence(), event.time(), data);
        try {
            BusinessDates.own(recorded);
        } catch (RuntimeException e) {
            throw new UnprocessableEvent(event.type() + " " + event.id() + ": " + e.getMessage(), e);
        }
        return new HistoryStore.Append(kind, event.subject(), committeeId, organId, recorded);
    }

    /**
     * A refusal (R-AUD-1, {@code jiguan.organ.CommandRefused} and the like): not an aggregate's act, so never in
     * the histories ({@link #placed} finds no aggregate for it); the subscriptions give it to the refusals view.
     */
    public static boolean isRefusal(ReceivedEvent event) {
        return REFUSAL.equals(event.eventName());
    }

    static AggregateKind kindOf(Stream stream, String subject, JsonNode data) {
        if (stream == Stream.ORGAN_EVENTS) {
            if (subject.equals(text(data, "organId"))) {
                return AggregateKind.ORGAN;
            }
            return subject.equals(text(data, "committeeId")) ? AggregateKind.COMMITTEE : null;
        }
        if (subject.equals(text(data, "decisionId"))) {
            return AggregateKind.DECISION;
        }
        return subject.equals(text(data, "meetingId")) ? AggregateKind.MEETING : null;
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || !node.isTextual() || node.asText().isBlank() ? null : node.asText();
    }
}
