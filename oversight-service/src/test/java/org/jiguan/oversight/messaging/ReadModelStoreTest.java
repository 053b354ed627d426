package org.jiguan.oversight.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.Document;
import org.jiguan.oversight.domain.reports.AnnualReportStatus;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.AnnualReportRow;
import org.jiguan.oversight.domain.views.CommitteeDashboard;
import org.jiguan.oversight.domain.views.CommitteeRows;
import org.jiguan.oversight.domain.views.DatedHistory;
import org.jiguan.oversight.domain.views.OrganFold;
import org.jiguan.oversight.domain.views.OrganProfile;
import org.jiguan.oversight.domain.views.RecordedEvent;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.oversight.web.OversightReads;
import org.jiguan.platform.local.EmbeddedMongo;
import org.jiguan.platform.time.BusinessCalendar;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The read models on the local store through the real driver: what a batch costs, what a read costs, and the fill
 * from the histories of a store written before the read models existed.
 */
class ReadModelStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate ESTABLISHED = LocalDate.of(2024, 3, 1);
    @TempDir
    static Path storeFiles;
    private static EmbeddedMongo server;
    private static MongoClient client;
    private static MongoDatabase database;
    private static final List<String> SENT = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedMongo.start(storeFiles, 0);
        client = MongoClients.create(MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(server.uri()))
                .addCommandListener(new CommandListener() {
                    @Override
                    public void commandStarted(CommandStartedEvent event) {
                        SENT.add(event.getCommandName() + " " + event.getCommand().getString(event.getCommandName())
                                .getValue());
                    }
                }).build());
        database = client.getDatabase("read-model-store-test");
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    @Test
    void a_batch_costs_a_read_of_rows_not_written_here_and_three_writes_and_an_unchanged_committee_one_lookup() {
        HistoryStore histories = new HistoryStore(database, JSON, "_cost");
        ReadModelStore readModels = new ReadModelStore(database, JSON, "_cost", 10_000);
        Histories.Generation generation = new Histories.Generation(histories, readModels);
        List<HistoryStore.Append> batch = createdWithLeaders("cost", 200);

        SENT.clear();
        readModels.applyAll(batch.subList(0, 0), histories);
        histories.appendAll(batch);
        SENT.clear();
        readModels.applyAll(batch, histories);
        assertThat(SENT).as("a first batch of 200 organs, new (their sequence 0 in it): members, rows and counters "
                        + "written, nothing read").containsExactly("update read_members_cost", "insert organ_rows_cost",
                "update read_members_cost");

        List<HistoryStore.Append> next = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            next.add(organEvent("cost" + i, 2, "HeadcountReported", "asOf"));
        }
        generation.appendAll(next.subList(0, 1)); // the history's chunk heads are known from then on
        SENT.clear();
        generation.appendAll(next);
        assertThat(SENT).as("a later batch, the rows as this store wrote them: rows and counters written")
                .containsExactly("update organ_histories_cost", "update organ_rows_cost", "update read_members_cost");

        ReadModelStore other = new ReadModelStore(database, JSON, "_cost", 10_000);
        List<HistoryStore.Append> third = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            third.add(organEvent("cost" + i, 3, "HeadcountReported", "asOf"));
        }
        histories.appendAll(third);
        SENT.clear();
        other.applyAll(third, histories);
        assertThat(SENT).as("a batch of rows another store wrote: read (100 ids a query), then rows and counters "
                + "written").containsExactly("find organ_rows_cost", "find organ_rows_cost", "update organ_rows_cost",
                "update read_members_cost");

        assertThat(readModels.ofCommittee(AggregateKind.ORGAN, "prov")).hasSize(200);
        SENT.clear();
        assertThat(readModels.ofCommittee(AggregateKind.ORGAN, "prov")).hasSize(200);
        assertThat(SENT).as("an unchanged committee read again").containsExactly("find read_members_cost");
        generation.appendAll(List.of(organEvent("cost7", 4, "HeadcountReported", "asOf")));
        SENT.clear();
        assertThat(readModels.ofCommittee(AggregateKind.ORGAN, "prov")).hasSize(200)
                .filteredOn(h -> h.id().equals("cost7")).singleElement()
                .satisfies(h -> assertThat(h.dated()).hasSize(5));
        assertThat(SENT).as("one shard changed: its members and rows read again")
                .containsExactly("find read_members_cost", "find read_members_cost", "find organ_rows_cost");
    }

    /**
     * A poll of {@code CreateOrgan}'s events (a committee's quota slot, a new organ) in two committees: the consumer's
     * store requests are what delays an organ's first read at oversight, each one waiting for a core on a busy
     * machine (a JFR recording of CommandToOversightBenchmark: 20 ms apiece). Nothing is read back: the committees'
     * rows and chunks are as this store wrote them, and the organs are new; the members and the counters of both
     * kinds go in one write each; writes that do not depend on each other go at the same time, so the poll waits
     * for three requests one after another, not six. Delivered again to stores that know nothing, the poll changes
     * nothing.
     */
    @Test
    void a_poll_of_new_organs_costs_three_steps_of_writes_and_no_read_and_delivered_again_changes_nothing() {
        Histories.Generation generation = generation("_poll");
        generation.appendAll(List.of(slotTaken("pa", 0), slotTaken("pb", 0)));
        List<HistoryStore.Append> poll = List.of(slotTaken("pa", 1), organCreated("pa", "pa-o1"),
                slotTaken("pb", 1), organCreated("pb", "pb-o1"), slotTaken("pa", 2), organCreated("pa", "pa-o2"));

        SENT.clear();
        generation.appendAll(poll);
        assertThat(SENT).hasSize(6);
        assertThat(SENT.subList(0, 3)).as("at the same time: the histories of both kinds and the new members")
                .containsExactlyInAnyOrder("update committee_histories_poll", "insert organ_histories_poll",
                        "update read_members_poll");
        assertThat(SENT.subList(3, 5)).as("then, at the same time, the rows of both kinds")
                .containsExactlyInAnyOrder("update committee_rows_poll", "insert organ_rows_poll");
        assertThat(SENT.get(5)).as("then the counters of both kinds").isEqualTo("update read_members_poll");

        generation("_poll").appendAll(poll);
        Histories.Generation reader = generation("_poll"); // nothing remembered: all read from the store
        for (String committee : List.of("pa", "pb")) {
            assertThat(reader.histories().load(AggregateKind.COMMITTEE, committee).orElseThrow().events())
                    .hasSize(committee.equals("pa") ? 3 : 2);
            assertThat(reader.readModels().one(AggregateKind.COMMITTEE, committee).orElseThrow().dated())
                    .hasSize(committee.equals("pa") ? 3 : 2);
        }
        assertThat(reader.readModels().ofCommittee(AggregateKind.ORGAN, "pa"))
                .extracting(DatedHistory::id).containsExactlyInAnyOrder("pa-o1", "pa-o2")
                .allSatisfy(id -> assertThat(reader.histories().load(AggregateKind.ORGAN, id).orElseThrow().events())
                        .hasSize(1));
    }

    @Test
    void a_generation_cleared_for_a_rebuild_keeps_the_index_its_conditional_writes_need() {
        HistoryStore histories = new HistoryStore(database, JSON, "_cleared");
        ReadModelStore readModels = new ReadModelStore(database, JSON, "_cleared", 1_000);
        new Histories.Generation(histories, readModels).appendAll(List.of(organEvent("c1", 0, "OrganCreated",
                "establishedOn")));
        histories.clear();
        readModels.clear();
        for (String collection : List.of("organ_histories_cleared", "organ_rows_cleared", "read_members_cleared")) {
            List<String> indexes = new ArrayList<>();
            database.getCollection(collection).listIndexes().forEach(index -> indexes.add(index.getString("name")));
            assertThat(indexes).as(collection).contains("_id_version");
        }
    }

    @Test
    void two_writers_of_the_same_rows_lose_nothing() {
        HistoryStore histories = new HistoryStore(database, JSON, "_two");
        ReadModelStore one = new ReadModelStore(database, JSON, "_two", 1_000);
        ReadModelStore other = new ReadModelStore(database, JSON, "_two", 1_000);
        for (long sequence = 0; sequence < 12; sequence++) {
            List<HistoryStore.Append> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(organEvent("two" + i, sequence, sequence == 0 ? "OrganCreated" : "HeadcountReported",
                        sequence == 0 ? "establishedOn" : "asOf"));
            }
            histories.appendAll(batch);
            (sequence % 3 == 0 ? other : one).applyAll(batch, histories); // each writes over the other's rows
        }
        for (ReadModelStore reader : List.of(one, other, new ReadModelStore(database, JSON, "_two", 1_000))) {
            assertThat(reader.ofCommittee(AggregateKind.ORGAN, "prov")).hasSize(5)
                    .allSatisfy(row -> assertThat(row.dated()).hasSize(12));
        }
    }

    @Test
    void a_store_with_histories_and_no_read_models_fills_them_once_at_start() {
        MongoDatabase old = client.getDatabase("read-model-fill-test");
        HistoryStore written = new HistoryStore(old, JSON, "");
        for (int i = 0; i < 30; i++) {
            written.append(AggregateKind.ORGAN, "fill" + i, "prov", "fill" + i,
                    organEvent("fill" + i, 0, "OrganCreated", "establishedOn").event());
            written.append(AggregateKind.ORGAN, "fill" + i, "prov", "fill" + i,
                    organEvent("fill" + i, 1, "LeaderAppointed", "since").event());
        }
        // one organ held at a gap: its sequence 2 never came, 3 did
        written.append(AggregateKind.ORGAN, "fill0", "prov", "fill0",
                organEvent("fill0", 3, "LeaderAppointed", "since").event());

        Histories histories = new Histories(old, JSON);
        assertThat(histories.liveReadModels().ofCommittee(AggregateKind.ORGAN, "prov")).as("before the fill").isEmpty();
        histories.fillReadModelsOnce();

        List<DatedHistory> rows = histories.liveReadModels().ofCommittee(AggregateKind.ORGAN, "prov");
        assertThat(rows).hasSize(30);
        for (DatedHistory row : rows) {
            OrganProfile expected = OrganFold.fold(written.load(AggregateKind.ORGAN, row.id()).orElseThrow(),
                    TimeSlice.asOf(LocalDate.of(2025, 1, 1))).orElseThrow();
            assertThat(OrganFold.fold(row, TimeSlice.asOf(LocalDate.of(2025, 1, 1)))).contains(expected);
        }
        Histories.Generation live = histories.writeTargets().get(0);
        live.appendAll(List.of(organEvent("fill0", 2, "LeaderAppointed", "since")));
        assertThat(histories.liveReadModels().one(AggregateKind.ORGAN, "fill0").orElseThrow().dated())
                .as("the held event follows once the gap is filled").hasSize(4);

        written.append(AggregateKind.ORGAN, "late", "prov", "late",
                organEvent("late", 0, "OrganCreated", "establishedOn").event());
        new Histories(old, JSON).fillReadModelsOnce();
        assertThat(new Histories(old, JSON).liveReadModels().one(AggregateKind.ORGAN, "late"))
                .as("filled once: a history stored behind the consumers' back later is not").isEmpty();
    }

    /**
     * A committee's row keeps a fact per quota slot, so a committee of 10,000 organs has a row of 10,000 facts; each
     * batch used to write all of them again (the consumer's cost grew with the committee). Full chunks of facts are
     * written once, apart from the row; a batch writes the row's head and the chunks it filled.
     */
    @Test
    void a_long_row_is_written_in_sealed_chunks_and_a_batch_writes_only_its_head_and_the_chunks_it_filled() throws Exception {
        HistoryStore histories = new HistoryStore(database, JSON, "_long");
        ReadModelStore readModels = new ReadModelStore(database, JSON, "_long", 1_000);
        Histories.Generation generation = new Histories.Generation(histories, readModels);
        int slots = 5 * ReadModelStore.FACTS_PER_CHUNK + 7;
        for (int from = 0; from < slots; from += 25) {
            List<HistoryStore.Append> batch = new ArrayList<>();
            for (int i = from; i < Math.min(slots, from + 25); i++) {
                batch.add(slotTaken("long", i));
            }
            generation.appendAll(batch);
        }
        Document head = database.getCollection("committee_rows_long").find(Filters.eq("_id", "long")).first();
        assertThat(head.getInteger("sealed")).isEqualTo(5);
        assertThat(JSON.readTree(head.getString("facts")).size()).as("facts in the head").isEqualTo(7);
        assertThat(database.getCollection("committee_row_facts_long").countDocuments()).isEqualTo(5);

        for (ReadModelStore reader : List.of(readModels, new ReadModelStore(database, JSON, "_long", 1_000))) {
            SENT.clear();
            DatedHistory row = reader.one(AggregateKind.COMMITTEE, "long").orElseThrow();
            assertThat(row.dated()).extracting(e -> e.event().sequence())
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, slots).boxed().toList());
            assertThat(SENT).as("the sealed chunks are read only where this store did not write them")
                    .containsExactlyElementsOf(reader == readModels ? List.of("find committee_rows_long")
                            : List.of("find committee_rows_long", "find committee_row_facts_long"));
        }

        SENT.clear();
        generation.appendAll(List.of(slotTaken("long", slots)));
        assertThat(SENT).as("one more fact: the history's chunk, the row's head and the counters")
                .containsExactly("update committee_histories_long", "update committee_rows_long",
                        "update read_members_long");
    }

    @Test
    void a_row_stored_whole_by_an_earlier_version_is_read_and_then_sealed_on_its_next_write() throws Exception {
        HistoryStore histories = new HistoryStore(database, JSON, "_whole");
        ReadModelStore readModels = new ReadModelStore(database, JSON, "_whole", 1_000);
        int slots = 2 * ReadModelStore.FACTS_PER_CHUNK + 3;
        List<HistoryStore.Append> batch = new ArrayList<>();
        for (int i = 0; i < slots; i++) {
            batch.add(slotTaken("whole", i));
        }
        new Histories.Generation(histories, readModels).appendAll(batch);
        var rows = database.getCollection("committee_rows_whole");
        Document head = rows.find(Filters.eq("_id", "whole")).first();
        List<String> all = new ArrayList<>();
        for (Document chunk : database.getCollection("committee_row_facts_whole").find()) {
            JSON.readTree(chunk.getString("facts")).forEach(f -> all.add(f.toString()));
        }
        JSON.readTree(head.getString("facts")).forEach(f -> all.add(f.toString()));
        head.remove("sealed");
        head.put("facts", "[" + String.join(",", all) + "]");
        rows.replaceOne(Filters.eq("_id", "whole"), head); // as an earlier version stored it: every fact in the row
        database.getCollection("committee_row_facts_whole").drop();

        ReadModelStore restarted = new ReadModelStore(database, JSON, "_whole", 1_000);
        assertThat(restarted.one(AggregateKind.COMMITTEE, "whole").orElseThrow().dated()).hasSize(slots);
        new Histories.Generation(histories, restarted).appendAll(List.of(slotTaken("whole", slots)));
        assertThat(rows.find(Filters.eq("_id", "whole")).first().getInteger("sealed")).isEqualTo(2);
        assertThat(new ReadModelStore(database, JSON, "_whole", 1_000).one(AggregateKind.COMMITTEE, "whole")
                .orElseThrow().dated()).extracting(e -> e.event().sequence())
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(0, slots).boxed().toList());
    }

    private static HistoryStore.Append slotTaken(String committee, long sequence) {
        String organ = committee + "-o" + sequence;
        return new HistoryStore.Append(AggregateKind.COMMITTEE, committee, committee, null, new RecordedEvent(
                "jiguan.organ.OrganQuotaSlotTaken", committee + "#" + sequence, sequence,
                Instant.parse("2025-01-01T00:00:00Z"), JSON.createObjectNode().put("committeeId", committee)
                .put("organId", organ).put("organKind", "FUNCTIONAL_DEPARTMENT").put("countedInQuota", true)
                .put("on", ESTABLISHED.toString()).putNull("sharesSlotWith")));
    }

    @Test
    void an_unchanged_committee_is_the_same_snapshot_with_its_answers_and_a_change_to_one_organ_shows_in_the_next_read() {
        HistoryStore histories = new HistoryStore(database, JSON, "_snap");
        ReadModelStore readModels = new ReadModelStore(database, JSON, "_snap", 10_000);
        Histories.Generation generation = new Histories.Generation(histories, readModels);
        List<HistoryStore.Append> batch = createdWithLeaders("snap", 50);
        generation.appendAll(batch);
        OversightReads reads = new OversightReads(() -> histories, () -> readModels,
                Clock.fixed(Instant.parse("2026-05-01T00:00:00Z"), BusinessCalendar.ZONE));
        TimeSlice today = reads.slice(null, null);
        caller(List.of("ADMIN"), List.of("*"), List.of());

        CommitteeRows rows = readModels.ofCommittee(AggregateKind.ORGAN, "prov");
        assertThat(readModels.ofCommittee(AggregateKind.ORGAN, "prov")).as("unchanged: the same snapshot")
                .isSameAs(rows);
        CommitteeDashboard dashboard = reads.dashboard("prov", 2025, today);
        List<AnnualReportRow> reports = reads.annualReports(2025, "prov", null, today);
        assertThat(reads.dashboard("prov", 2025, today)).as("kept with the snapshot").isSameAs(dashboard);
        assertThat(dashboard.staffing().organsReporting()).isZero();
        assertThat(dashboard.annualReports().byStatus().get(AnnualReportStatus.FILED)).isZero();
        assertThat(reports).hasSize(50).noneMatch(r -> r.status() == AnnualReportStatus.FILED);
        assertThat(reads.organs("prov", null, null, today, 0, 100).items())
                .filteredOn(o -> o.organId().equals("snap7")).singleElement()
                .satisfies(o -> assertThat(o.headcount()).isNull());

        generation.appendAll(List.of(organEvent("snap7", 2, "HeadcountReported", "asOf"),
                new HistoryStore.Append(AggregateKind.ORGAN, "snap8", "prov", "snap8", new RecordedEvent(
                        "jiguan.organ.AnnualReportFiled", "snap8#2", 2, Instant.parse("2026-01-20T00:00:00Z"),
                        JSON.createObjectNode().put("committeeId", "prov").put("organId", "snap8").put("year", 2025)
                                .put("filedOn", "2026-01-20").put("supplement", false)))));

        assertThat(readModels.ofCommittee(AggregateKind.ORGAN, "prov")).as("changed: a new snapshot")
                .isNotSameAs(rows);
        CommitteeDashboard after = reads.dashboard("prov", 2025, today);
        assertThat(after.staffing().organsReporting()).isEqualTo(1);
        assertThat(after.annualReports().byStatus().get(AnnualReportStatus.FILED)).isEqualTo(1);
        assertThat(reads.annualReports(2025, "prov", null, today))
                .filteredOn(r -> r.status() == AnnualReportStatus.FILED).extracting(AnnualReportRow::organId)
                .containsExactly("snap8");
        assertThat(reads.organs("prov", null, null, today, 0, 100).items())
                .filteredOn(o -> o.organId().equals("snap7")).singleElement()
                .satisfies(o -> assertThat(o.headcount()).isEqualTo(3));

        caller(List.of("ORGAN_OFFICE"), List.of("prov"), List.of("snap8"));
        assertThat(reads.annualReports(2025, "prov", null, today)).as("an organ office: its organ alone, not the "
                + "answer kept for the whole committee").extracting(AnnualReportRow::organId).containsExactly("snap8");
        assertThat(reads.organs("prov", null, null, today, 0, 100).total()).isEqualTo(1);
        assertThat(reads.dashboard("prov", 2025, today).organs().active()).isEqualTo(1);
        SecurityContextHolder.clearContext();
    }

    private static void caller(List<String> roles, List<String> committees, List<String> organs) {
        Jwt jwt = Jwt.withTokenValue("t").header("alg", "none").subject("store-test").claim("roles", roles)
                .claim("committees", committees).claim("organs", organs).build();
        SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(jwt));
    }

    /** Organs {@code <prefix>0…}, each created and given a leader (sequences 0 and 1). */
    private static List<HistoryStore.Append> createdWithLeaders(String prefix, int organs) {
        List<HistoryStore.Append> batch = new ArrayList<>();
        for (int i = 0; i < organs; i++) {
            batch.add(organEvent(prefix + i, 0, "OrganCreated", "establishedOn"));
            batch.add(organEvent(prefix + i, 1, "LeaderAppointed", "since"));
        }
        return batch;
    }

    /** A generation of new stores in the shared database, remembering nothing yet. */
    private static Histories.Generation generation(String suffix) {
        return new Histories.Generation(new HistoryStore(database, JSON, suffix),
                new ReadModelStore(database, JSON, suffix, 1_000));
    }

    private static HistoryStore.Append organCreated(String committee, String organ) {
        return new HistoryStore.Append(AggregateKind.ORGAN, organ, committee, organ, new RecordedEvent(
                "jiguan.organ.OrganCreated", organ + "#0", 0, Instant.parse("2025-01-01T00:00:00Z"),
                JSON.createObjectNode().put("committeeId", committee).put("organId", organ).put("name", "机关" + organ)
                        .put("establishedOn", ESTABLISHED.toString())));
    }

    private static HistoryStore.Append organEvent(String organ, long sequence, String type, String dateField) {
        return new HistoryStore.Append(AggregateKind.ORGAN, organ, "prov", organ, new RecordedEvent(
                "jiguan.organ." + type, organ + "#" + sequence, sequence, Instant.parse("2025-01-01T00:00:00Z"),
                JSON.createObjectNode().put("committeeId", "prov").put("organId", organ).put("name", "机关" + organ)
                        .put("memberId", "m" + sequence).put("role", sequence == 1 ? "PRINCIPAL" : "DEPUTY")
                        .put("headcount", 3).put(dateField, ESTABLISHED.plusDays(sequence).toString())));
    }
}
