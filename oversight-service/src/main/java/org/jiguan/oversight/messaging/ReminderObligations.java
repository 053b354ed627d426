package org.jiguan.oversight.messaging;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jiguan.oversight.api.ReminderStage;
import org.jiguan.oversight.domain.reports.ActivePeriod;
import org.jiguan.oversight.domain.reports.ReportingYear;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.AnnualReportRow;
import org.jiguan.oversight.domain.views.OrganProfile;

/**
 * What the reminder pass needs of each organ (R-SUP-2), one small document per organ in
 * {@code reminder_obligations}, so that a pass reads these instead of loading and folding every organ's history:
 * <pre>{_id: organId, committeeId, establishedOn, abolishedOn, filed: {"&lt;year&gt;": filedOn}, issued: {"&lt;year&gt;": [stage]}}</pre>
 * The facts ({@code committeeId} to {@code filed}) are the organ's fold with everything known
 * ({@link AnnualReportRow#reportingYear}, the same the annual-report rows use), written whole with {@code $set} each
 * time the organ is folded again: idempotent, and gap-aware because the histories are (a history is read only up to
 * its first missing event, so the facts are those of the events before the gap until it is filled, then the organ is
 * folded again). An organ is folded again by the next pass after the consumers applied an event of it
 * ({@link ReminderTriggers#factsChanged}), and by every live pass over it.
 * <p>{@code issued} is a cache of the stages stored for the organ and year, added to after a stage is issued or
 * found stored; the aggregate's events stay the truth. A stage in the cache is surely issued, so the planner
 * finding nothing due even with them needs no read of the event store; when it does find one due, the scheduler
 * reads the stored stages as before.
 */
public class ReminderObligations {
    static final String COLLECTION = "reminder_obligations";
    private static final int BULK = 1_000;

    private final MongoDatabase database;
    private final MongoCollection<Document> obligations;

    public ReminderObligations(MongoDatabase database) {
        this.database = database;
        this.obligations = database.getCollection(COLLECTION);
    }

    /**
     * The ids of every organ whose history the generation {@code suffix} holds, read as ids alone, a batch at a
     * time: reading 50,000 whole histories in one query is more than one reply of the local store may carry
     * (48 MB), and a scheduler's first pass loads them one by one instead.
     */
    public List<String> organIds(String suffix) {
        List<String> ids = new ArrayList<>();
        for (Document doc : database.getCollection(HistoryStore.collectionName(AggregateKind.ORGAN, suffix)).find()
                .projection(Projections.include("_id")).batchSize(BULK)) {
            String id = doc.getString("_id");
            if (id.indexOf('/') < 0) { // a history's first chunk; ids hold no "/"
                ids.add(id);
            }
        }
        return ids;
    }

    /** One organ's facts for the reminders: when it was active and when it filed each year's report. */
    public record Facts(String organId, String committeeId, ActivePeriod organ, Map<Integer, LocalDate> filed) {
        /** The organ's facts, or empty when its establishment is not known (yet). */
        public static Optional<Facts> of(OrganProfile known) {
            Optional<ReportingYear> any = AnnualReportRow.reportingYear(known, 0);
            if (any.isEmpty()) {
                return Optional.empty();
            }
            Map<Integer, LocalDate> filed = new HashMap<>();
            for (OrganProfile.AnnualReport report : known.annualReports()) {
                AnnualReportRow.reportingYear(known, report.year()).map(ReportingYear::filedOn)
                        .ifPresent(on -> filed.put(report.year(), on));
            }
            return Optional.of(new Facts(known.organId(), known.committeeId(), any.get().organ(), Map.copyOf(filed)));
        }

        /** The same as {@link AnnualReportRow#reportingYear} of the organ folded. */
        public ReportingYear year(int year) {
            return new ReportingYear(organ, year, filed.get(year));
        }
    }

    /** An organ as a pass reads it: its facts and the stages known to be issued, by year. */
    public record Obligation(Facts facts, Map<Integer, Set<ReminderStage>> issued) {
        public Set<ReminderStage> issued(int year) {
            return issued.getOrDefault(year, Set.of());
        }
    }

    /** Writes the organs' facts (keeping what is cached of their stages), in bulk. */
    public void write(Collection<Facts> organs) {
        List<WriteModel<Document>> writes = new ArrayList<>(Math.min(organs.size(), BULK));
        for (Facts facts : organs) {
            Document filed = new Document();
            new TreeSet<>(facts.filed().keySet()).forEach(y -> filed.append(String.valueOf(y),
                    facts.filed().get(y).toString()));
            Bson update = Updates.combine(Updates.set("committeeId", facts.committeeId()),
                    Updates.set("establishedOn", facts.organ().establishedOn().toString()),
                    Updates.set("abolishedOn", facts.organ().abolishedOn() == null ? null
                            : facts.organ().abolishedOn().toString()),
                    Updates.set("filed", filed));
            writes.add(new UpdateOneModel<>(Filters.eq("_id", facts.organId()), update,
                    new UpdateOptions().upsert(true)));
            if (writes.size() == BULK) {
                obligations.bulkWrite(writes, new BulkWriteOptions().ordered(false));
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            obligations.bulkWrite(writes, new BulkWriteOptions().ordered(false));
        }
    }

    /** Adds stages to those cached as issued for the organ and year. */
    public void issued(String organId, int year, Set<ReminderStage> stages) {
        if (stages.isEmpty()) {
            return;
        }
        // Upserted: a scheduler's first pass caches stages before it writes the facts of every organ at its end.
        obligations.updateOne(Filters.eq("_id", organId), Updates.addEachToSet("issued." + year,
                stages.stream().map(Enum::name).toList()), new UpdateOptions().upsert(true));
    }

    /** Every organ's obligation, in one read of the collection. */
    public void forEach(Consumer<Obligation> action) {
        for (Document doc : obligations.find().batchSize(BULK)) {
            if (doc.getString("establishedOn") == null) {
                continue; // only the stages cached so far, the facts not written yet
            }
            action.accept(obligation(doc));
        }
    }

    private static Obligation obligation(Document doc) {
        Map<Integer, LocalDate> filed = new HashMap<>();
        Document filedDoc = doc.get("filed", Document.class);
        if (filedDoc != null) {
            filedDoc.forEach((year, on) -> filed.put(Integer.parseInt(year), LocalDate.parse((String) on)));
        }
        Map<Integer, Set<ReminderStage>> issued = new HashMap<>();
        Document issuedDoc = doc.get("issued", Document.class);
        if (issuedDoc != null) {
            issuedDoc.forEach((year, stages) -> {
                Set<ReminderStage> set = EnumSet.noneOf(ReminderStage.class);
                ((List<?>) stages).forEach(s -> set.add(ReminderStage.valueOf((String) s)));
                issued.put(Integer.parseInt(year), set);
            });
        }
        String abolished = doc.getString("abolishedOn");
        ActivePeriod organ = new ActivePeriod(LocalDate.parse(doc.getString("establishedOn")),
                abolished == null ? null : LocalDate.parse(abolished));
        return new Obligation(new Facts(doc.getString("_id"), doc.getString("committeeId"), organ, filed), issued);
    }
}
