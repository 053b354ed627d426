package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.domain.views.AggregateHistory;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.messaging.UnprocessableEvent;

/**
 * The refusals (R-AUD-1) read from {@code organ-events} and {@code meeting-events}, one document per refusal in
 * {@code refusals}, keyed by its id: a redelivery writes the same document again. Each is placed under a committee
 * and organ when it is written: those the command named, else those of its target as oversight's histories know
 * it (an organ, meeting, decision or committee).
 * <pre>{_id: refusalId, service, rule, ruleTitle, caller, command, target, committeeId, organId, businessDate, detail,
 * refusedAt (date, for filters and order), refusedAtText}</pre>
 */
public class Refusals {
    static final String COLLECTION = "refusals";

    private final MongoCollection<Document> refusals;
    private final Histories histories;

    public Refusals(MongoDatabase database, Histories histories) {
        this.refusals = database.getCollection(COLLECTION);
        this.histories = histories;
    }

    /** Records a refusal and passes every other event on to {@code next}. */
    public Consumer<ReceivedEvent> before(Consumer<ReceivedEvent> next) {
        return event -> {
            if (HistoryIngest.isRefusal(event)) {
                record(event);
            } else {
                next.accept(event);
            }
        };
    }

    /** Records the refusals of a poll and passes the other events on to {@code next}, together. */
    public Consumer<List<ReceivedEvent>> beforeAll(Consumer<List<ReceivedEvent>> next) {
        return events -> {
            List<ReceivedEvent> others = new ArrayList<>(events.size());
            for (ReceivedEvent event : events) {
                if (HistoryIngest.isRefusal(event)) {
                    record(event);
                } else {
                    others.add(event);
                }
            }
            if (!others.isEmpty()) {
                next.accept(others);
            }
        };
    }

    public void record(ReceivedEvent event) {
        JsonNode data = event.data();
        String committeeId = text(data, "committeeId");
        String organId = text(data, "organId");
        String target = required(data, "target");
        Optional<AggregateHistory> known = organId != null ? load(AggregateKind.ORGAN, organId)
                : Arrays.stream(AggregateKind.values()).map(kind -> load(kind, target)).flatMap(Optional::stream)
                .findFirst();
        if (known.isPresent()) {
            committeeId = committeeId != null ? committeeId : known.get().committeeId();
            organId = organId != null ? organId : known.get().organId();
        }
        String businessDate = text(data, "businessDate");
        Document doc = new Document("_id", event.subject())
                .append("service", event.type().substring(0, event.type().lastIndexOf('.'))
                        .replaceFirst("^jiguan\\.", ""))
                .append("rule", required(data, "rule")).append("ruleTitle", text(data, "ruleTitle"))
                .append("caller", text(data, "caller"))
                .append("command", text(data, "command")).append("target", target)
                .append("committeeId", committeeId).append("organId", organId).append("businessDate", businessDate)
                .append("detail", text(data, "detail")).append("refusedAt", Date.from(event.time()))
                .append("refusedAtText", event.time().toString());
        refusals.replaceOne(Filters.eq("_id", event.subject()), doc, new ReplaceOptions().upsert(true));
    }

    /** Newest first; each filter is optional. */
    public List<Refusal> find(String committeeId, String organId, String rule, Instant since) {
        List<Bson> filters = new ArrayList<>();
        if (committeeId != null) {
            filters.add(Filters.eq("committeeId", committeeId));
        }
        if (organId != null) {
            filters.add(Filters.eq("organId", organId));
        }
        if (rule != null) {
            filters.add(Filters.eq("rule", rule));
        }
        if (since != null) {
            filters.add(Filters.gte("refusedAt", Date.from(since)));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<Refusal> found = new ArrayList<>();
        for (Document doc : refusals.find(filter).sort(Sorts.orderBy(Sorts.descending("refusedAt"),
                Sorts.descending("_id")))) {
            String businessDate = doc.getString("businessDate");
            found.add(new Refusal(doc.getString("_id"), doc.getString("service"), doc.getString("rule"),
                    doc.getString("ruleTitle"), doc.getString("caller"), doc.getString("command"), doc.getString("target"),
                    doc.getString("committeeId"), doc.getString("organId"),
                    businessDate == null ? null : LocalDate.parse(businessDate), doc.getString("detail"),
                    Instant.parse(doc.getString("refusedAtText"))));
        }
        return found;
    }

    private Optional<AggregateHistory> load(AggregateKind kind, String id) {
        return histories.live().load(kind, id);
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String required(JsonNode data, String field) {
        String value = text(data, field);
        if (value == null || value.isBlank()) {
            throw new UnprocessableEvent(HistoryIngest.REFUSAL + ": " + field + " is missing");
        }
        return value;
    }
}
