package org.jiguan.oversight.domain.views;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * R-MEET-15 保密 (PG 22): what is said and how members voted stay inside the meeting's circle. Minutes text, written
 * opinions, recusal reasons and how a named member voted are read by the organ's own office (ORGAN_OFFICE of the
 * organ), its committee's office (COMMITTEE_OFFICE of the committee) and ADMIN; any other reader sees the outcomes
 * only (items, categories, adopted/rejected/deferred, counts, decisions) unless the issued minutes' circulation
 * scope (传达范围) includes it: one of its roles among the scope's roles and one of its committees among the scope's
 * committees. Pure.
 */
public final class MeetingConfidentiality {
    private MeetingConfidentiality() {
    }

    /** Whether the reader may read the meeting's confidential content. */
    public static boolean readableBy(Reader reader, AggregateHistory meeting) {
        if (reader.has("ADMIN")) {
            return true;
        }
        if (reader.has("COMMITTEE_OFFICE") && reader.inCommittee(meeting.committeeId())) {
            return true;
        }
        if (reader.has("ORGAN_OFFICE") && reader.inCommittee(meeting.committeeId())
                && (reader.organs().isEmpty() || reader.organs().contains(meeting.organId()))) {
            return true;
        }
        return circulation(meeting).stream().anyMatch(scope ->
                Json.texts(scope, "roles").stream().anyMatch(reader::has)
                        && Json.texts(scope, "committees").stream().anyMatch(c -> reader.committees().contains(c)
                        || reader.committees().contains(Reader.ALL)));
    }

    /** The meeting's history for a reader outside its circle: its events without their confidential content. */
    public static AggregateHistory outcomesOnly(AggregateHistory meeting) {
        List<RecordedEvent> events = new ArrayList<>(meeting.events().size());
        for (RecordedEvent e : meeting.events()) {
            events.add(new RecordedEvent(e.type(), e.eventId(), e.sequence(), e.recordedAt(), withoutContent(e)));
        }
        return new AggregateHistory(meeting.kind(), meeting.id(), meeting.committeeId(), meeting.organId(), events);
    }

    private static JsonNode withoutContent(RecordedEvent e) {
        if (!e.data().isObject()) {
            return e.data();
        }
        ObjectNode data = ((ObjectNode) e.data()).deepCopy();
        switch (e.name()) {
            case "MinutesRecorded" -> data.putNull("text");
            case "MemberRecused" -> data.putNull("reason");
            case "VoteRecorded" -> data.putNull("choice");
            case "MeetingOpened" -> Json.nodes(data, "absent").stream().filter(JsonNode::isObject)
                    .forEach(a -> ((ObjectNode) a).putNull("writtenOpinion"));
            default -> {
                return e.data();
            }
        }
        return data;
    }

    /** The circulation scope the issued minutes record; none before they are issued or when they record none. */
    private static List<JsonNode> circulation(AggregateHistory meeting) {
        return meeting.events().stream().filter(e -> e.name().equals("MinutesIssued"))
                .map(e -> Json.at(e.data(), "circulation")).filter(c -> c != null && c.isObject()).toList();
    }
}
