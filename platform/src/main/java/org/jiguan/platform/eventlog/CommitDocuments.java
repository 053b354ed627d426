package org.jiguan.platform.eventlog;

import java.util.ArrayList;
import java.util.List;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

/**
 * The shape of a commit in MongoDB: one document per unit of work, holding every event the command produced on
 * every aggregate it touched.
 * <pre>
 * { _id: &lt;position&gt;,                    // allocated by the store, only grows
 *   streams: ["organ-1#0", "prov-jn#12"],   // one key per event: aggregate id # sequence, unique index
 *   events: [{id, aggregateId, type, sequence, payloadType, revision, payload, metaData, timestamp}, …] }
 * </pre>
 * A position whose writer gave up (lost a race) or was passed by the readers after waiting holds a <em>skip
 * marker</em> instead: {@code {_id, skipped: reason, streams: ["#skip:<position>"]}}, which carries no event.
 */
final class CommitDocuments {
    static final String STREAMS = "streams";
    static final String EVENTS = "events";
    static final String SKIPPED = "skipped";
    /** A command producing more events than this is refused: positions of events are commit * this + index. */
    static final int MAX_EVENTS_PER_COMMIT = 1024;

    private CommitDocuments() {
    }

    /** The unique key that makes an aggregate's sequence number taken: two commits cannot both hold it. */
    static String streamKey(String aggregateId, long sequence) {
        return aggregateId + "#" + sequence;
    }

    static Document commit(long position, List<? extends EventMessage<?>> events, Serializer serializer) {
        List<String> streams = new ArrayList<>(events.size());
        List<Document> entries = new ArrayList<>(events.size());
        for (EventMessage<?> event : events) {
            streams.add(keyOf(event));
            entries.add(entry(event, serializer));
        }
        return new Document("_id", position).append(STREAMS, streams).append(EVENTS, entries);
    }

    static Document skipMarker(long position, String reason) {
        return new Document("_id", position).append(SKIPPED, reason).append(STREAMS, List.of("#skip:" + position));
    }

    static boolean isSkipMarker(Document commit) {
        return commit.containsKey(SKIPPED);
    }

    static String keyOf(EventMessage<?> event) {
        return event instanceof DomainEventMessage<?> domain
                ? streamKey(domain.getAggregateIdentifier(), domain.getSequenceNumber())
                : streamKey(event.getIdentifier(), 0);
    }

    /** A stored event: domain events by their aggregate; any other event as the only event of its own id. */
    private static Document entry(EventMessage<?> event, Serializer serializer) {
        SerializedObject<String> payload = serializer.serialize(event.getPayload(), String.class);
        SerializedObject<String> metaData = serializer.serialize(event.getMetaData(), String.class);
        Document entry = new Document("id", event.getIdentifier());
        if (event instanceof DomainEventMessage<?> domain) {
            entry.append("aggregateId", domain.getAggregateIdentifier())
                    .append("type", domain.getType())
                    .append("sequence", domain.getSequenceNumber());
        } else {
            entry.append("aggregateId", event.getIdentifier()).append("type", null).append("sequence", 0L);
        }
        return entry.append("payloadType", payload.getType().getName())
                .append("revision", payload.getType().getRevision())
                .append("payload", payload.getData())
                .append("metaData", metaData.getData())
                .append("timestamp", event.getTimestamp().toString());
    }

    /** The characters of payload and metadata a commit's events hold. */
    static long textLength(Document commit) {
        long length = 0;
        for (Document entry : events(commit)) {
            length += entry.getString("payload").length() + entry.getString("metaData").length();
        }
        return length;
    }

    static List<Document> events(Document commit) {
        return commit.getList(EVENTS, Document.class, List.of());
    }

    static DomainEventData<String> eventData(Document entry) {
        return new GenericDomainEventEntry<>(entry.getString("type"), entry.getString("aggregateId"),
                entry.getLong("sequence"), entry.getString("id"), entry.getString("timestamp"),
                entry.getString("payloadType"), entry.getString("revision"), entry.getString("payload"),
                entry.getString("metaData"));
    }

    static Document snapshot(DomainEventMessage<?> snapshot, Serializer serializer) {
        Document entry = entry(snapshot, serializer);
        return entry.append("_id", snapshot.getAggregateIdentifier());
    }
}
