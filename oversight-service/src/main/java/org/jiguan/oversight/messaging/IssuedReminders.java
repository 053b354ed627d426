package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.api.ReminderWithdrawn;
import org.jiguan.oversight.api.WithdrawalReason;

/**
 * The reminders issued, one document per reminder in {@code issued_reminders}, keyed by {@code reminderId}: writing
 * the same event twice (a replay, a redelivery) leaves one document as it was.
 * <pre>{_id: reminderId, organId, committeeId, year, stage, dueOn, issuedAt (date, for filters and order), issuedAtText,
 *  withdrawnAtText, withdrawalReason, filedOn (once withdrawn)}</pre>
 */
public class IssuedReminders {
    static final String COLLECTION = "issued_reminders";

    private final MongoCollection<Document> reminders;

    public IssuedReminders(MongoDatabase database) {
        this.reminders = database.getCollection(COLLECTION);
    }

    /** Sets the reminder's own fields: a withdrawal recorded before a replay of its issue stays. */
    public void record(ReminderIssued event) {
        Document fields = new Document("organId", event.organId())
                .append("committeeId", event.committeeId()).append("year", event.year())
                .append("stage", event.stage().name()).append("dueOn", event.dueOn().toString())
                .append("issuedAt", Date.from(event.issuedAt())).append("issuedAtText", event.issuedAt().toString());
        reminders.updateOne(Filters.eq("_id", event.reminderId()), new Document("$set", fields),
                new UpdateOptions().upsert(true));
    }

    /** Marks the reminder withdrawn, with its reason (R-SUP-2); it stays listed. */
    public void record(ReminderWithdrawn event) {
        reminders.updateOne(Filters.eq("_id", event.reminderId()), new Document("$set",
                new Document("withdrawnAtText", event.withdrawnAt().toString())
                        .append("withdrawalReason", event.reason().name())
                        .append("filedOn", event.filedOn() == null ? null : event.filedOn().toString())));
    }

    /** A reminder as listed: issued, and withdrawn when {@code withdrawnAt} is set. */
    public record Reminder(ReminderIssued issued, Instant withdrawnAt, WithdrawalReason withdrawalReason,
                           LocalDate filedOn) {
    }

    /** Newest first; each filter is optional. */
    public List<Reminder> find(String committeeId, String organId, Integer year, ReminderStage stage,
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
        List<Reminder> found = new ArrayList<>();
        for (Document doc : reminders.find(filter).sort(Sorts.orderBy(Sorts.descending("issuedAt"),
                Sorts.descending("_id")))) {
            ReminderIssued issued = new ReminderIssued(doc.getString("_id"), doc.getString("organId"),
                    doc.getString("committeeId"), doc.getInteger("year"), ReminderStage.valueOf(doc.getString("stage")),
                    LocalDate.parse(doc.getString("dueOn")), Instant.parse(doc.getString("issuedAtText")));
            String withdrawnAt = doc.getString("withdrawnAtText");
            String reason = doc.getString("withdrawalReason");
            String filedOn = doc.getString("filedOn");
            found.add(new Reminder(issued, withdrawnAt == null ? null : Instant.parse(withdrawnAt),
                    reason == null ? null : WithdrawalReason.valueOf(reason),
                    filedOn == null ? null : LocalDate.parse(filedOn)));
        }
        return found;
    }
}
