package org.jiguan.meeting.messaging;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jiguan.meeting.api.OrganAffairsMeeting;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.messaging.UnprocessableEvent;

/**
 * meeting-service's list of each organ's affairs meetings and when they opened, kept from its own
 * {@code meeting-events}, so R-MEET-14 can tell which affairs meeting was the next after an urgent decision. One
 * document per organ ({@code organ_affairs_meetings}, keyed by organ id) with one entry per meeting; applying an
 * event again sets the same values, so a record Kafka delivers twice changes nothing. Read from the beginning of the
 * topic, it also lists the meetings held before it existed.
 */
public class OrganAffairsMeetings {
    private final MongoCollection<Document> organs;

    public OrganAffairsMeetings(MongoDatabase database) {
        this.organs = database.getCollection("organ_affairs_meetings");
    }

    /** The organ's affairs meetings that have opened, as far as this view has seen. */
    public List<OrganAffairsMeeting> openedOf(String organId) {
        Document organ = organs.find(Filters.eq("_id", organId)).first();
        if (organ == null) {
            return List.of();
        }
        return organ.get("meetings", new Document()).values().stream().map(Document.class::cast)
                .filter(m -> m.getString("openedAt") != null)
                .map(m -> new OrganAffairsMeeting(m.getString("meetingId"), Instant.parse(m.getString("openedAt"))))
                .toList();
    }

    /** Applies one event of {@code meeting-events}: an affairs meeting convened, a meeting opened; others pass. */
    public void apply(ReceivedEvent event) {
        JsonNode data = event.data();
        if (!event.subject().equals(data.path("meetingId").asText(null))) {
            return; // a decision's stream
        }
        switch (event.eventName()) {
            case "MeetingConvened" -> {
                if ("AFFAIRS".equals(data.path("kind").asText())) {
                    organs.updateOne(Filters.eq("_id", required(data, "organId")),
                            Updates.set(entry(event.subject()) + ".meetingId", event.subject()),
                            new UpdateOptions().upsert(true));
                }
            }
            case "MeetingOpened" -> opened(required(data, "organId"), event.subject(),
                    Instant.parse(required(data, "openedAt")));
            default -> {
            }
        }
    }

    /** Only a meeting convened as an affairs meeting is listed: its entry exists, and its events come in order. */
    private void opened(String organId, String meetingId, Instant openedAt) {
        Document organ = organs.find(Filters.eq("_id", organId)).first();
        Document meetings = organ == null ? new Document() : organ.get("meetings", new Document());
        if (meetings.containsKey(key(meetingId))) {
            organs.updateOne(Filters.eq("_id", organId),
                    Updates.set(entry(meetingId) + ".openedAt", openedAt.toString()));
        }
    }

    private static String entry(String meetingId) {
        return "meetings." + key(meetingId);
    }

    /** Meeting ids may hold dots, which field names cannot; '%' is never in an id, so the escape is unambiguous. */
    private static String key(String meetingId) {
        return meetingId.replace(".", "%2E");
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new UnprocessableEvent("field " + field + " is missing");
        }
        return value.asText();
    }
}
