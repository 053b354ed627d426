package org.jiguan.meeting.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.jiguan.platform.messaging.HeldEvents;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.messaging.UnprocessableEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * meeting-service's own view of each organ, kept from {@code organ-events}: its committee, name, establishment
 * and abolition dates and every tenure on its leadership body, so meeting rules can be judged on the meeting
 * date. One document per organ ({@code organ_bodies}, keyed by organ id); an event is applied once, by its
 * sequence number in the organ's stream, however often Kafka delivers it.
 */
public class OrganBodies {
    private static final Logger log = LoggerFactory.getLogger(OrganBodies.class);

    private final MongoCollection<Document> organs;
    private final HeldEvents held;

    public OrganBodies(MongoDatabase database) {
        this.organs = database.getCollection("organ_bodies");
        this.held = new HeldEvents(database, "organ_events_held");
        // Serves the conditional write {_id, sequence} as a lookup: the local server scans for any other shape.
        organs.createIndex(Indexes.ascending("_id", "sequence"), new IndexOptions().unique(true).name("_id_sequence"));
    }

    /** The organ as this service knows it, or empty while its events have not arrived. */
    public Optional<KnownOrgan> find(String organId) {
        return Optional.ofNullable(organs.find(Filters.eq("_id", organId)).first()).map(KnownOrgan::from);
    }

    /** The sequence number of the organ's last applied event, or -1 while none has arrived. */
    public long appliedSequence(String organId) {
        Document organ = organs.find(Filters.eq("_id", organId)).first();
        return organ == null ? -1 : ((Number) organ.get("sequence")).longValue();
    }

    /**
     * Applies one event of {@code organ-events}; committee streams and repeats are ignored. An event ahead of the
     * organ's sequence is held until the ones before it arrive; then the held ones are applied in order. Whether
     * the next one is held is asked of the store (an {@code _id} lookup): another instance may have held it.
     */
    public void apply(ReceivedEvent event) {
        if (!event.subject().equals(event.data().path("organId").asText(null))) {
            return; // a committee's stream: quotas, which meetings do not need
        }
        long applied = applyInOrder(event);
        Optional<ReceivedEvent> next;
        while ((next = held.find(event.subject(), applied + 1)).isPresent()) {
            applied = applyInOrder(next.get());
            held.release(next.get().subject(), next.get().sequence());
        }
    }

    /** Applies the event unless it is a repeat or held; the organ's applied sequence after it. */
    private long applyInOrder(ReceivedEvent event) {
        Long applied;
        while ((applied = applyOnce(event)) == null) {
            log.debug("Organ {} changed while applying #{}; reading it again", event.subject(), event.sequence());
        }
        return applied;
    }

    /** The organ's applied sequence after the event; null when the document changed between reading and writing. */
    private Long applyOnce(ReceivedEvent event) {
        Document current = organs.find(Filters.eq("_id", event.subject())).first();
        long applied = current == null ? -1 : ((Number) current.get("sequence")).longValue();
        if (event.sequence() <= applied) {
            return applied;
        }
        if (event.sequence() > applied + 1) {
            log.info("Organ {}: event #{} arrived before #{}; held until it comes", event.subject(),
                    event.sequence(), applied + 1);
            held.hold(event);
            return applied;
        }
        if (current == null && !"OrganCreated".equals(event.eventName())) {
            throw new UnprocessableEvent("organ " + event.subject() + " is unknown: its first event is "
                    + event.eventName() + " #" + event.sequence());
        }
        KnownOrgan next = current == null ? KnownOrgan.created(event.data()) : KnownOrgan.from(current).after(event);
        return store(next.toDocument(event.sequence()), applied) ? event.sequence() : null;
    }

    private boolean store(Document organ, long previousSequence) {
        if (previousSequence < 0) {
            try {
                organs.insertOne(organ);
                return true;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                return false;
            }
        }
        // A flat {_id, sequence}: the unique index on both serves it ($and would be a scan on the local server).
        return organs.replaceOne(new Document("_id", organ.getString("_id")).append("sequence", previousSequence),
                organ).getMatchedCount() == 1;
    }

    /** One tenure on the leadership body; {@code until} is the day the member left, no longer on the body. */
    public record Tenure(String memberId, String name, String role, LocalDate since, LocalDate until,
                         boolean concurrentUpperLevelPost) {
        boolean servesOn(LocalDate date) {
            return !since.isAfter(date) && (until == null || until.isAfter(date));
        }
    }

    /** An organ as meeting-service knows it. */
    public record KnownOrgan(String organId, String committeeId, String name, LocalDate establishedOn,
                             LocalDate abolishedOn, List<Tenure> tenures) {

        /** The organ's status and leadership body on {@code date}, as meeting rules judge them. */
        public OrganOnDate on(LocalDate date) {
            OrganStatus status = establishedOn.isAfter(date) ? OrganStatus.NOT_YET_ESTABLISHED
                    : abolishedOn != null && !abolishedOn.isAfter(date) ? OrganStatus.ABOLISHED : OrganStatus.ACTIVE;
            List<BodyMember> body = tenures.stream().filter(t -> t.servesOn(date))
                    .map(t -> new BodyMember(t.memberId(), t.name(), LeaderRole.valueOf(t.role()),
                            t.concurrentUpperLevelPost()))
                    .toList();
            return new OrganOnDate(organId, committeeId, name, date, status, body, establishedOn, abolishedOn);
        }

        static KnownOrgan created(JsonNode data) {
            return new KnownOrgan(required(data, "organId"), required(data, "committeeId"), required(data, "name"),
                    LocalDate.parse(required(data, "establishedOn")), null, List.of());
        }

        KnownOrgan after(ReceivedEvent event) {
            JsonNode data = event.data();
            return switch (event.eventName()) {
                case "OrganChanged" -> new KnownOrgan(organId, committeeId, required(data, "name"), establishedOn,
                        abolishedOn, tenures);
                case "OrganAbolished" -> new KnownOrgan(organId, committeeId, name, establishedOn,
                        LocalDate.parse(required(data, "abolishedOn")), tenures);
                case "LeaderAppointed" -> withTenures(appointed(data));
                case "LeaderRemoved" -> withTenures(removed(data));
                default -> this;
            };
        }

        private List<Tenure> appointed(JsonNode data) {
            List<Tenure> next = new ArrayList<>(tenures);
            next.add(new Tenure(required(data, "memberId"), required(data, "name"), role(data),
                    LocalDate.parse(required(data, "since")), null, data.path("concurrentUpperLevelPost").asBoolean()));
            return next;
        }

        private List<Tenure> removed(JsonNode data) {
            String memberId = required(data, "memberId");
            LocalDate removedOn = LocalDate.parse(required(data, "removedOn"));
            return tenures.stream().map(t -> t.memberId().equals(memberId) && t.until() == null
                    ? new Tenure(t.memberId(), t.name(), t.role(), t.since(), removedOn, t.concurrentUpperLevelPost())
                    : t).toList();
        }

        private KnownOrgan withTenures(List<Tenure> next) {
            return new KnownOrgan(organId, committeeId, name, establishedOn, abolishedOn, next);
        }

        Document toDocument(long sequence) {
            List<Document> body = tenures.stream().map(t -> new Document("memberId", t.memberId())
                    .append("name", t.name()).append("role", t.role()).append("since", t.since().toString())
                    .append("until", t.until() == null ? null : t.until().toString())
                    .append("concurrentUpperLevelPost", t.concurrentUpperLevelPost())).toList();
            return new Document("_id", organId).append("committeeId", committeeId).append("name", name)
                    .append("establishedOn", establishedOn.toString())
                    .append("abolishedOn", abolishedOn == null ? null : abolishedOn.toString())
                    .append("tenures", body).append("sequence", sequence);
        }

        static KnownOrgan from(Document organ) {
            List<Tenure> tenures = organ.getList("tenures", Document.class).stream().map(t -> new Tenure(
                    t.getString("memberId"), t.getString("name"), t.getString("role"),
                    LocalDate.parse(t.getString("since")), date(t.getString("until")),
                    t.getBoolean("concurrentUpperLevelPost", false))).toList();
            return new KnownOrgan(organ.getString("_id"), organ.getString("committeeId"), organ.getString("name"),
                    LocalDate.parse(organ.getString("establishedOn")), date(organ.getString("abolishedOn")), tenures);
        }

        private static LocalDate date(String text) {
            return text == null ? null : LocalDate.parse(text);
        }

        /** A role this service does not know is set aside as a dead letter here, not failed on at every meeting. */
        private static String role(JsonNode data) {
            String role = required(data, "role");
            try {
                return LeaderRole.valueOf(role).name();
            } catch (IllegalArgumentException e) {
                throw new UnprocessableEvent("unknown leadership role " + role);
            }
        }

        private static String required(JsonNode data, String field) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull() || value.asText().isBlank()) {
                throw new UnprocessableEvent("field " + field + " is missing");
            }
            return value.asText();
        }
    }
}
