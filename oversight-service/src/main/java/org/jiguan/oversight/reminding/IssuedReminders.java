package org.jiguan.oversight.reminding;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.reminders.ReminderIssued;
import org.jiguan.oversight.reminders.ReminderStage;

/**
 * The reminders issued, one document per reminder in {@code issued_reminders}, keyed by {@code reminderId}: writing
 * the same event twice (a replay, a redelivery) leaves one document as it was.
 * <pre>{_id: reminderId, organId, committeeId, year, stage, dueOn, issuedAt (date, for filters and order), issuedAtText}</pre>
 */
public class IssuedReminders {
    static final String COLLECTION = "issued_reminders";

    private final MongoCollection<Document> reminders;

    public IssuedReminders(MongoDatabase database) {
        this.reminders = database.getCollection(COLLECTION);
    }

    public void record(ReminderIssued event) {
        Document doc = new Document("_id", event.reminderId()).append("organId", event.organId())
                .append("committeeId", event.committeeId()).append("year", event.year())
                .append("stage", event.stage().name()).append("dueOn", event.dueOn().toString())
                .append("issuedAt", Date.from(event.issuedAt())).append("issuedAtText", event.issuedAt().toString());
        reminders.replaceOne(Filters.eq("_id", event.reminderId()), doc, new ReplaceOptions().upsert(true));
    }

    /** Newest first; each filter is optional. */
    public List<ReminderIssued> find(String committeeId, String organId, Integer year, ReminderStage stage,
                                     Instant since) {
        List<Bson> filters = new ArrayList<>();
        if (committeeId != null) {
            filters.add(Filters.eq("committeeId", committeeId));
        }
        if (organId != null) {
            filters.add(Filters.eq("organId", organId));
        }
        if (year != null) {
            filters.add(Filters.eq("year", year));
        }
        if (stage != null) {
            filters.add(Filters.eq("stage", stage.name()));
        }
        if (since != null) {
            filters.add(Filters.gte("issuedAt", Date.from(since)));
        }
        Bson filter = filters.isEmpty() ? new Document() : Filters.and(filters);
        List<ReminderIssued> found = new ArrayList<>();
        for (Document doc : reminders.find(filter).sort(Sorts.orderBy(Sorts.descending("issuedAt"),
                Sorts.descending("_id")))) {
            found.add(new ReminderIssued(doc.getString("_id"), doc.getString("organId"), doc.getString("committeeId"),
                    doc.getInteger("year"), ReminderStage.valueOf(doc.getString("stage")),
                    LocalDate.parse(doc.getString("dueOn")), Instant.parse(doc.getString("issuedAtText"))));
        }
        return found;
    }
}
