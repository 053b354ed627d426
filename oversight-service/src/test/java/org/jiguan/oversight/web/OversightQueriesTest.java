package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.EventsFeed;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.CloudEventProducer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The query API over real topics: events fed to Kafka, folded by oversight, read over HTTP. */
class OversightQueriesTest extends OversightServiceTestBase {
    @Autowired
    Histories histories;


    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    private static Instant at(String iso) {
        return Instant.parse(iso);
    }

    private static List<String> texts(JsonNode items, String field) {
        List<String> values = new ArrayList<>();
        items.forEach(i -> values.add(i.path(field).asText()));
        return values;
    }

    @Test
    void an_organ_as_of_a_past_date_differs_from_now_and_knownAt_leaves_out_what_was_recorded_later() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        synchronized (FEED) {
            FEED.recordedAt(at("2024-03-05T02:00:00Z")).organCreated(committee, organ, "省委政策研究室", day("2024-03-01"));
            FEED.recordedAt(at("2024-05-02T02:00:00Z")).leaderAppointed(organ, "p1", "PRINCIPAL", day("2024-05-01"));
            FEED.recordedAt(at("2025-07-01T02:00:00Z")).headcountReported(organ, 30, day("2025-06-30"));
            FEED.recordedAt(at("2025-08-01T00:00:00Z")).organChanged(organ, day("2025-07-01"), "省委改革办", 45, 6);
            FEED.recordedAt(null);
        }
        awaitOrganEvents(organ, 4);

        JsonNode before = expectStatus(admin().get("/api/v1/organs/" + organ + "?asOf=2024-02-01"), 200).body();
        assertThat(before.path("status").asText()).isEqualTo("NOT_YET_ESTABLISHED");
        assertThat(before.path("name").asText()).isEqualTo("省委政策研究室");

        JsonNode early = expectStatus(admin().get("/api/v1/organs/" + organ + "?asOf=2024-04-01"), 200).body();
        assertThat(early.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(early.path("leadership").path("filled").asInt()).isZero();
        assertThat(early.path("leadership").path("principalVacant").asBoolean()).isTrue();
        assertThat(early.path("staffing").path("quota").asInt()).isEqualTo(40);

        JsonNode now = expectStatus(admin().get("/api/v1/organs/" + organ), 200).body();
        assertThat(now.path("name").asText()).isEqualTo("省委改革办");
        assertThat(now.path("staffing").path("quota").asInt()).isEqualTo(45);
        assertThat(now.path("staffing").path("headcount").asInt()).isEqualTo(30);
        assertThat(now.path("leadership").path("quota").asInt()).isEqualTo(6);
        assertThat(texts(now.path("leadership").path("leaders"), "memberId")).containsExactly("p1");

        JsonNode knownBeforeChange = expectStatus(admin().get("/api/v1/organs/" + organ
                + "?asOf=2025-12-31&knownAt=2025-07-15T00:00:00Z"), 200).body();
        assertThat(knownBeforeChange.path("name").asText()).isEqualTo("省委政策研究室");
        assertThat(knownBeforeChange.path("staffing").path("quota").asInt()).isEqualTo(40);
        assertThat(knownBeforeChange.path("staffing").path("headcount").asInt()).isEqualTo(30);

        expectStatus(admin().get("/api/v1/organs/" + organ + "?knownAt=2024-01-01T00:00:00Z"), 404);
    }

    @Test
    void R_SUP_3_special_report_requests_show_pending_overdue_and_answered_late_as_of_a_date() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        synchronized (FEED) {
            FEED.organCreated(committee, organ, "省委宣传部", day("2024-01-01"));
            FEED.leaderAppointed(organ, "p1", "PRINCIPAL", day("2024-01-01"));
            FEED.specialReportRequested(organ, "rq1", day("2025-03-01"), day("2025-03-31"));
            FEED.specialReportRequested(organ, "rq2", day("2025-04-01"), day("2025-04-30"));
            FEED.specialReportFiled(organ, "sr1", "rq1", day("2025-04-10"), day("2025-03-31"), "p1");
        }
        awaitOrganEvents(organ, 5);

        String query = "/api/v1/special-report-requests?committeeId=" + committee;
        JsonNode april5 = expectStatus(admin().get(query + "&asOf=2025-04-05"), 200).body().path("items");
        assertThat(texts(april5, "status")).containsExactly("OVERDUE", "PENDING");
        assertThat(april5.get(0).path("daysOverdue").asInt()).isEqualTo(5);
        JsonNode may = expectStatus(admin().get(query + "&asOf=2025-05-01"), 200).body().path("items");
        assertThat(texts(may, "status")).containsExactly("ANSWERED_LATE", "OVERDUE");
        assertThat(may.get(0).path("answeredBy").asText()).isEqualTo("sr1");
        assertThat(texts(expectStatus(admin().get(query + "&asOf=2025-05-01&status=OVERDUE"), 200).body()
                .path("items"), "requestId")).containsExactly("rq2");

        JsonNode profile = expectStatus(admin().get("/api/v1/organs/" + organ + "?asOf=2025-05-01"), 200).body();
        assertThat(profile.path("specialReports").get(0).path("late").asBoolean()).isTrue();
        assertThat(profile.path("specialReports").get(0).path("signedBy").asText()).isEqualTo("p1");
        JsonNode dashboard = expectStatus(admin().get("/api/v1/committees/" + committee
                + "/dashboard?asOf=2025-05-01"), 200).body();
        assertThat(dashboard.path("specialReportRequests").path("overdue").asInt()).isEqualTo(1);
        assertThat(dashboard.path("specialReportRequests").path("answeredLate").asInt()).isEqualTo(1);
    }

    @Test
    void R_SUP_5_leader_filings_show_per_year_who_sat_on_the_body_and_has_not_filed() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        synchronized (FEED) {
            FEED.organCreated(committee, organ, "省委统战部", day("2024-01-01"));
            FEED.leaderAppointed(organ, "p1", "PRINCIPAL", day("2024-01-01"));
            FEED.leaderAppointed(organ, "d1", "DEPUTY", day("2024-01-01"));
            FEED.leaderRemoved(organ, "d1", "DEPUTY", day("2025-03-01"));
            FEED.yearlyFilingFiled("IntegrityStatementFiled", organ, "p1", 2025, day("2026-01-10"));
            FEED.yearlyFilingFiled("PersonalMattersReportFiled", organ, "p1", 2025, day("2026-01-12"));
            FEED.yearlyFilingFiled("IntegrityStatementFiled", organ, "d1", 2025, day("2026-01-15"));
        }
        awaitOrganEvents(organ, 7);

        String query = "/api/v1/leader-filings?year=2025&committeeId=" + committee + "&asOf=2026-02-01";
        JsonNode all = expectStatus(admin().get(query), 200).body().path("items");
        assertThat(texts(all, "memberId")).containsExactly("p1", "d1");
        JsonNode missing = expectStatus(admin().get(query + "&missingOnly=true"), 200).body().path("items");
        assertThat(texts(missing, "memberId")).containsExactly("d1");
        assertThat(missing.get(0).path("missing").size()).isEqualTo(1);
        assertThat(missing.get(0).path("missing").get(0).asText()).isEqualTo("PERSONAL_MATTERS_REPORT");
        assertThat(missing.get(0).path("integrityStatementFiledOn").asText()).isEqualTo("2026-01-15");
        JsonNode dashboard = expectStatus(admin().get("/api/v1/committees/" + committee
                + "/dashboard?year=2025&asOf=2026-02-01"), 200).body().path("leaderFilings");
        assertThat(dashboard.path("owed").asInt()).isEqualTo(2);
        assertThat(dashboard.path("personalMattersReportsMissing").asInt()).isEqualTo(1);
        assertThat(dashboard.path("integrityStatementsMissing").asInt()).isZero();
    }

    @Test
    void R_SUP_1_R_SUP_2_annual_reports_show_filed_pending_due_overdue_escalated_and_not_required_as_of_a_date() {
        String committee = uniqueId("prov");
        String filed = uniqueId("filed");
        String late = uniqueId("late");
        String newcomer = uniqueId("new");
        String abolished = uniqueId("gone");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 10);
            FEED.organCreated(committee, filed, "甲部", day("2020-01-01"));
            FEED.annualReportFiled(filed, 2025, day("2026-01-20"), false);
            FEED.organCreated(committee, late, "乙部", day("2020-01-01"));
            FEED.organCreated(committee, newcomer, "丙部", day("2025-10-01"));
            FEED.organCreated(committee, abolished, "丁部", day("2020-01-01"));
            FEED.organAbolished(abolished, day("2026-01-10"));
        }
        awaitOrganEvents(filed, 2);
        awaitOrganEvents(abolished, 2);
        awaitOrganEvents(newcomer, 1);
        String query = "/api/v1/annual-reports?year=2025&committeeId=" + committee;

        JsonNode early = expectStatus(admin().get(query + "&asOf=2026-01-05"), 200).body().path("items");
        assertThat(texts(early, "organId")).containsExactlyInAnyOrder(filed, late, abolished);
        assertThat(texts(early, "status")).containsOnly("PENDING");
        assertThat(texts(early, "dueOn")).containsOnly("2026-02-02");

        // Abolished on 2026-01-10, before the due date: from then on it owes nothing for 2025 (R-SUP-2).
        JsonNode january = expectStatus(admin().get(query + "&asOf=2026-01-15"), 200).body().path("items");
        assertThat(texts(january, "organId")).containsExactlyInAnyOrder(filed, late);
        assertThat(texts(january, "status")).containsOnly("PENDING");

        JsonNode dueDay = expectStatus(admin().get(query + "&asOf=2026-02-02"), 200).body().path("items");
        assertThat(row(dueDay, late).path("status").asText()).isEqualTo("DUE");

        JsonNode february = expectStatus(admin().get(query + "&asOf=2026-02-05"), 200).body().path("items");
        assertThat(texts(february, "organId")).containsExactlyInAnyOrder(filed, late);
        assertThat(row(february, filed).path("status").asText()).isEqualTo("FILED");
        assertThat(row(february, filed).path("filedOn").asText()).isEqualTo("2026-01-20");
        assertThat(row(february, late).path("status").asText()).isEqualTo("OVERDUE");
        assertThat(row(february, late).path("dueOn").asText()).isEqualTo("2026-02-02");
        assertThat(row(february, late).path("daysOverdue").asInt()).isEqualTo(3);
        assertThat(row(february, late).path("organName").asText()).isEqualTo("乙部");

        JsonNode march = expectStatus(admin().get(query + "&asOf=2026-03-10"), 200).body().path("items");
        assertThat(row(march, late).path("status").asText()).isEqualTo("ESCALATED");
        assertThat(row(march, late).path("daysOverdue").asInt()).isEqualTo(36);

        JsonNode overdue = expectStatus(admin().get(query + "&asOf=2026-02-05&status=OVERDUE"), 200).body();
        assertThat(texts(overdue.path("items"), "organId")).containsExactly(late);

        JsonNode notRequired = expectStatus(admin().get(query + "&asOf=2026-02-05&status=NOT_REQUIRED"), 200).body();
        assertThat(texts(notRequired.path("items"), "organId")).containsExactlyInAnyOrder(newcomer, abolished);
    }

    private static JsonNode row(JsonNode items, String organId) {
        for (JsonNode item : items) {
            if (item.path("organId").asText().equals(organId)) {
                return item;
            }
        }
        throw new AssertionError("no row for " + organId + " in " + items);
    }

    @Test
    void the_same_event_delivered_twice_changes_nothing() throws InterruptedException {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        CloudEventProducer.Sent created;
        synchronized (FEED) {
            FEED.organCreated(committee, organ, "重复部", day("2024-03-01"));
            created = FEED.last();
        }
        FEED.resend(created);
        // Same sequence under another event id: a repeat all the same (the sequence is the aggregate's order).
        FEED.raw(created.topic(), created.type(), created.subject(), created.sequence(), UUID.randomUUID().toString(),
                created.time(), created.value());
        FEED.leaderAppointed(organ, "p1", "PRINCIPAL", day("2024-04-01"));
        FEED.resend(FEED.last());
        FEED.leaderAppointed(organ, "d1", "DEPUTY", day("2024-04-02"));
        awaitOrganEvents(organ, 3);

        JsonNode history = expectStatus(admin().get("/api/v1/organs/" + organ + "/history"), 200).body();
        assertThat(history.path("total").asInt()).isEqualTo(3);
        assertThat(texts(history.path("items"), "sequence")).containsExactly("0", "1", "2");
        assertThat(history.path("items").get(0).path("eventId").asText()).isEqualTo(created.eventId());
        JsonNode profile = expectStatus(admin().get("/api/v1/organs/" + organ), 200).body();
        assertThat(texts(profile.path("leadership").path("leaders"), "memberId")).containsExactly("p1", "d1");

        // An event ahead of a gap (4 before 3: 3 was a dead letter, applied again later) is kept but held: the
        // organ reads as of #2 until #3 arrives, then #3 and #4 count, each once.
        String appointed = "{\"organId\":\"" + organ + "\",\"committeeId\":\"" + committee
                + "\",\"memberId\":\"%s\",\"name\":\"丙\",\"role\":\"MEMBER\",\"since\":\"2024-05-01\"}";
        FEED.raw(created.topic(), "jiguan.organ.LeaderAppointed", organ, 4, UUID.randomUUID().toString(),
                Instant.now(), appointed.formatted("x4").getBytes(StandardCharsets.UTF_8));
        ChildService.waitUntil(() -> histories.live().holds(AggregateKind.ORGAN, organ, 4), Duration.ofSeconds(30));
        assertThat(expectStatus(admin().get("/api/v1/organs/" + organ + "/history"), 200).body().path("total").asInt())
                .as("held at the gap").isEqualTo(3);
        FEED.raw(created.topic(), "jiguan.organ.LeaderAppointed", organ, 3, UUID.randomUUID().toString(),
                Instant.now(), appointed.formatted("x3").getBytes(StandardCharsets.UTF_8));
        FEED.raw(created.topic(), "jiguan.organ.LeaderAppointed", organ, 3, UUID.randomUUID().toString(),
                Instant.now(), appointed.formatted("x3").getBytes(StandardCharsets.UTF_8));
        // A later event behind the repeat: once it is in, the repeat before it has been dealt with.
        FEED.raw(created.topic(), "jiguan.organ.LeaderAppointed", organ, 5, UUID.randomUUID().toString(),
                Instant.now(), appointed.formatted("x5").getBytes(StandardCharsets.UTF_8));
        awaitOrganEvents(organ, 6);
        JsonNode all = expectStatus(admin().get("/api/v1/organs/" + organ + "/history"), 200).body();
        assertThat(texts(all.path("items"), "sequence")).containsExactly("0", "1", "2", "3", "4", "5");
    }

    @Test
    void an_unreadable_event_is_set_aside_as_a_dead_letter_that_an_admin_can_list() {
        String badJson = UUID.randomUUID().toString();
        String noSubject = UUID.randomUUID().toString();
        FEED.raw(EventsFeed.ORGAN_TOPIC, "jiguan.organ.OrganCreated", uniqueId("organ"), 0, badJson, Instant.now(),
                "{not json".getBytes(StandardCharsets.UTF_8));
        FEED.raw(EventsFeed.MEETING_TOPIC, "jiguan.meeting.MeetingOpened", uniqueId("meeting"), 0, noSubject,
                Instant.now(), "{\"meetingId\":\"someone-else\",\"committeeId\":\"c\",\"organId\":\"o\"}"
                        .getBytes(StandardCharsets.UTF_8));

        JsonNode letters = awaitGet("/api/v1/dead-letters", r -> r.status() == 200
                && texts(r.body(), "eventId").containsAll(List.of(badJson, noSubject))).body();
        for (JsonNode letter : letters) {
            if (letter.path("eventId").asText().equals(noSubject)) {
                assertThat(letter.path("consumer").asText()).isEqualTo("meeting-records");
                assertThat(letter.path("error").asText()).contains("subject");
            }
        }
        expectStatus(viewer("*").get("/api/v1/dead-letters"), 403);
    }

    @Test
    void callers_see_only_their_committees_and_organs() {
        String mine = uniqueId("provA");
        String other = uniqueId("provB");
        String a1 = uniqueId("a1");
        String a2 = uniqueId("a2");
        String b1 = uniqueId("b1");
        synchronized (FEED) {
            FEED.committeeRegistered(mine, 5);
            FEED.committeeRegistered(other, 5);
            FEED.organCreated(mine, a1, "甲", day("2024-01-01"));
            FEED.organCreated(mine, a2, "乙", day("2024-01-01"));
            FEED.organCreated(other, b1, "丙", day("2024-01-01"));
        }
        awaitOrganEvents(a1, 1);
        awaitOrganEvents(a2, 1);
        awaitOrganEvents(b1, 1);

        ApiClient office = committeeOffice(mine);
        JsonNode listed = expectStatus(office.get("/api/v1/organs?size=200"), 200).body();
        assertThat(texts(listed.path("items"), "committeeId")).containsOnly(mine);
        assertThat(texts(listed.path("items"), "organId")).contains(a1, a2).doesNotContain(b1);
        assertThat(expectStatus(office.get("/api/v1/organs?committeeId=" + other), 200).body().path("total").asInt())
                .isZero();
        expectStatus(office.get("/api/v1/organs/" + b1), 403);
        expectStatus(office.get("/api/v1/organs/" + b1 + "/history"), 403);
        expectStatus(office.get("/api/v1/committees/" + other + "/dashboard"), 403);
        expectStatus(office.get("/api/v1/committees/" + mine + "/dashboard"), 200);
        JsonNode reports = expectStatus(office.get("/api/v1/annual-reports?year=2025&asOf=2026-01-10"), 200).body();
        assertThat(texts(reports.path("items"), "committeeId")).containsOnly(mine);

        ApiClient organOffice = organOffice(mine, a1);
        assertThat(texts(expectStatus(organOffice.get("/api/v1/organs"), 200).body().path("items"), "organId"))
                .containsExactly(a1);
        expectStatus(organOffice.get("/api/v1/organs/" + a2), 403);

        assertThat(texts(expectStatus(viewer(other).get("/api/v1/organs?size=200"), 200).body().path("items"),
                "organId")).contains(b1).doesNotContain(a1, a2);

        ApiClient.Response anonymous = ApiClient.anonymous(baseUrl()).get("/api/v1/organs");
        expectStatus(anonymous, 401);
        assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
        expectStatus(ApiClient.as(baseUrl(), List.of("SOMEONE"), List.of("*"), List.of()).get("/api/v1/organs"), 403);
    }

    /** The committees as a tree: where a reader starts, and the committees below one, read by key. */
    @Test
    void committees_are_listed_as_a_tree_from_where_the_caller_starts() {
        String root = uniqueId("root");
        String east = uniqueId("east");
        String west = uniqueId("west");
        String city = uniqueId("city");
        synchronized (FEED) {
            FEED.committeeRegistered(root, "党中央" + root, "CENTRAL", null, 30);
            FEED.committeeRegistered(east, "东省委", "PROVINCIAL", root, 40);
            FEED.committeeRegistered(west, "西省委", "PROVINCIAL", root, 40);
            FEED.committeeRegistered(city, "东省某市委", "MUNICIPAL", east, 20);
        }
        awaitGet("/api/v1/committees?parentId=" + east, r -> r.status() == 200 && r.body().size() == 1);

        JsonNode below = expectStatus(admin().get("/api/v1/committees?parentId=" + root), 200).body();
        assertThat(texts(below, "committeeId")).containsExactly(east, west);
        assertThat(below.get(0).path("name").asText()).isEqualTo("东省委");
        assertThat(below.get(0).path("level").asText()).isEqualTo("PROVINCIAL");
        assertThat(below.get(0).path("parentCommitteeId").asText()).isEqualTo(root);
        assertThat(below.get(0).path("children").asInt()).isEqualTo(1);
        assertThat(texts(expectStatus(admin().get("/api/v1/committees"), 200).body(), "committeeId")).contains(root)
                .doesNotContain(east, city);

        // A reader starts at its own committees and sees nothing of the others.
        assertThat(texts(expectStatus(viewer(east).get("/api/v1/committees"), 200).body(), "committeeId"))
                .containsExactly(east);
        assertThat(texts(expectStatus(viewer(east).get("/api/v1/committees?parentId=" + root), 200).body(),
                "committeeId")).containsExactly(east);
        assertThat(expectStatus(viewer(west).get("/api/v1/committees?parentId=" + east), 200).body()).isEmpty();
        assertThat(expectStatus(admin().get("/api/v1/committees?parentId=nobody"), 200).body()).isEmpty();
        expectStatus(ApiClient.anonymous(baseUrl()).get("/api/v1/committees"), 401);
    }

    @Test
    void R_MEET_15_confidential_meeting_content_is_read_by_the_meetings_circle_and_the_circulation_scope_alone() {
        String committee = uniqueId("prov");
        String other = uniqueId("prov");
        String organ = uniqueId("organ");
        String closed = uniqueId("mtg");
        String circulated = uniqueId("mtg");
        Instant nine = Instant.parse("2025-12-10T01:00:00Z");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 5);
            FEED.organCreated(committee, organ, "宣传部", day("2024-01-01"));
            for (String meeting : List.of(closed, circulated)) {
                FEED.meetingWithConfidentialContent(committee, organ, meeting, nine, "书面意见:同意", "亲属任职于承建单位",
                        "会议纪要全文:张三发言……", uniqueId("dec"));
            }
            FEED.minutesIssued(committee, organ, closed, nine.plusSeconds(7200), null, null);
            FEED.minutesIssued(committee, organ, circulated, nine.plusSeconds(7200), List.of("OVERSIGHT_VIEWER"),
                    List.of(committee));
        }
        awaitMeetingEvents(closed, 7);
        awaitMeetingEvents(circulated, 7);
        String confidential = "书面意见|亲属任职|会议纪要全文|\"FOR\"";

        // Outside the circle: the outcomes, never what was said or how a named member voted (view and history).
        for (ApiClient reader : List.of(viewer(committee), viewer("*"))) {
            JsonNode view = expectStatus(reader.get("/api/v1/meetings/" + closed), 200).body();
            assertThat(view.path("confidentialContentShown").asBoolean()).isFalse();
            assertThat(view.path("agenda").get(0).path("status").asText()).isEqualTo("ADOPTED");
            assertThat(view.path("agenda").get(0).path("forVotes").asInt()).isEqualTo(1);
            assertThat(view.path("agenda").get(0).path("recusals")).extracting(JsonNode::asText).containsExactly("m3");
            assertThat(view.path("minutes").path("status").asText()).isEqualTo("ISSUED");
            assertThat(view.toString()).doesNotContainPattern(confidential);
            assertThat(expectStatus(reader.get("/api/v1/meetings/" + closed + "/history"), 200).body().toString())
                    .doesNotContainPattern(confidential);
        }

        // The organ's own office, its committee's office and ADMIN read it all.
        for (ApiClient reader : List.of(organOffice(committee, organ), committeeOffice(committee), admin())) {
            JsonNode view = expectStatus(reader.get("/api/v1/meetings/" + closed), 200).body();
            assertThat(view.path("confidentialContentShown").asBoolean()).isTrue();
            assertThat(view.path("minutes").path("text").asText()).isEqualTo("会议纪要全文:张三发言……");
            assertThat(view.path("attendance").path("absent").get(0).path("writtenOpinion").asText())
                    .isEqualTo("书面意见:同意");
            assertThat(view.path("agenda").get(0).path("recusalReasons").get(0).path("reason").asText())
                    .isEqualTo("亲属任职于承建单位");
            assertThat(view.path("agenda").get(0).path("votes").get(0).path("choice").asText()).isEqualTo("FOR");
        }

        // The issued minutes' circulation scope (传达范围) lets the committee's oversight viewers read them too.
        JsonNode scoped = expectStatus(viewer(committee).get("/api/v1/meetings/" + circulated), 200).body();
        assertThat(scoped.path("confidentialContentShown").asBoolean()).isTrue();
        assertThat(scoped.path("minutes").path("text").asText()).isEqualTo("会议纪要全文:张三发言……");
        assertThat(scoped.path("minutes").path("circulation").path("roles")).extracting(JsonNode::asText)
                .containsExactly("OVERSIGHT_VIEWER");
        // Another organ's office and another committee's office are outside the meeting's scope altogether.
        expectStatus(organOffice(committee, uniqueId("another-organ")).get("/api/v1/meetings/" + closed), 403);
        expectStatus(committeeOffice(other).get("/api/v1/meetings/" + closed), 403);
    }

    @Test
    void R_DEC_1_R_MEET_14_decisions_pending_or_overdue_in_their_report_to_the_committee_and_to_the_next_meeting() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        String meeting = uniqueId("mtg");
        String major = uniqueId("dec");
        String urgent = uniqueId("dec");
        String reported = uniqueId("dec");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 5);
            FEED.organCreated(committee, organ, "宣传部", day("2024-01-01"));
            // An affairs meeting on 2025-03-03 adopts a MAJOR_DECISION item; it ends the same day.
            FEED.meetingConvened(committee, organ, meeting, Instant.parse("2025-03-03T01:00:00Z"), "i1");
            FEED.meetingOpened(committee, organ, meeting, Instant.parse("2025-03-03T01:05:00Z"));
            FEED.itemAdopted(committee, organ, meeting, "i1", major, Instant.parse("2025-03-03T02:00:00Z"));
            FEED.meetingAdjourned(committee, organ, meeting, Instant.parse("2025-03-03T04:00:00Z"));
            FEED.decisionTaken(committee, organ, major, meeting, "i1", day("2025-03-03"));
            // An urgent decision of 2025-03-01, not reported to that meeting, the next affairs meeting after it.
            FEED.urgentDecisionTaken(committee, organ, urgent, day("2025-03-01"));
            // Another urgent decision, after that meeting, reported to the committee in time.
            FEED.urgentDecisionTaken(committee, organ, reported, day("2025-03-04"));
            FEED.reportedToCommittee(committee, organ, reported, day("2025-03-05"));
        }
        awaitMeetingEvents(meeting, 4);
        awaitGet("/api/v1/decisions?organId=" + organ + "&asOf=2025-03-10",
                r -> r.status() == 200 && r.body().path("items").size() == 3
                        && r.body().path("items").findValues("committeeReport").stream()
                        .anyMatch(c -> c.path("status").asText().equals("REPORTED")));

        ApiClient reader = viewer(committee);
        // Ten working days after 2025-03-03 is 2025-03-17: pending on that day, overdue the next.
        JsonNode pending = expectStatus(reader.get("/api/v1/decisions?committeeId=" + committee
                + "&reportStatus=PENDING&asOf=2025-03-14"), 200).body();
        assertThat(texts(pending.path("items"), "decisionId")).containsExactlyInAnyOrder(major, urgent);
        assertThat(pending.path("items").findValues("dueOn")).extracting(JsonNode::asText)
                .containsExactly("2025-03-14", "2025-03-17");
        JsonNode overdue = expectStatus(reader.get("/api/v1/decisions?committeeId=" + committee
                + "&reportStatus=OVERDUE&asOf=2025-03-18"), 200).body();
        assertThat(texts(overdue.path("items"), "decisionId")).containsExactlyInAnyOrder(major, urgent);
        JsonNode done = expectStatus(reader.get("/api/v1/decisions?committeeId=" + committee
                + "&reportStatus=REPORTED&asOf=2025-03-18"), 200).body();
        assertThat(texts(done.path("items"), "decisionId")).containsExactly(reported);

        // R-MEET-14: the urgent decision of 2025-03-01 was not reported to the affairs meeting of 2025-03-03, which
        // has ended; the one of 2025-03-04 still waits for the next affairs meeting.
        JsonNode late = expectStatus(reader.get("/api/v1/decisions?committeeId=" + committee
                + "&status=REPORT_OVERDUE&asOf=2025-03-04"), 200).body();
        assertThat(texts(late.path("items"), "decisionId")).containsExactly(urgent);
        JsonNode before = expectStatus(reader.get("/api/v1/decisions?organId=" + organ
                + "&status=PENDING_REPORT&asOf=2025-03-02"), 200).body();
        assertThat(texts(before.path("items"), "decisionId")).containsExactly(urgent);

        JsonNode dashboard = expectStatus(reader.get("/api/v1/committees/" + committee
                + "/dashboard?asOf=2025-03-18"), 200).body().path("decisions");
        assertThat(dashboard.path("overdueCommitteeReport").asInt()).isEqualTo(2);
        assertThat(dashboard.path("byStatus").path("REPORT_OVERDUE").asInt()).isEqualTo(1);
        expectStatus(reader.get("/api/v1/decisions?reportStatus=LATE"), 400);
    }

    @Test
    void history_pages_run_oldest_first() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        synchronized (FEED) {
            FEED.recordedAt(at("2025-01-02T01:00:00Z")).organCreated(committee, organ, "史部", day("2024-03-01"));
            FEED.recordedAt(null);
            FEED.leaderAppointed(organ, "p1", "PRINCIPAL", day("2024-04-01"));
            FEED.leaderRemoved(organ, "p1", "PRINCIPAL", day("2025-04-01"));
        }
        awaitOrganEvents(organ, 3);

        JsonNode first = expectStatus(admin().get("/api/v1/organs/" + organ + "/history?page=0&size=2"), 200).body();
        assertThat(first.path("total").asInt()).isEqualTo(3);
        assertThat(texts(first.path("items"), "type")).containsExactly("OrganCreated", "LeaderAppointed");
        JsonNode created = first.path("items").get(0);
        assertThat(created.path("ceType").asText()).isEqualTo("jiguan.organ.OrganCreated");
        assertThat(created.path("businessDate").asText()).isEqualTo("2024-03-01");
        assertThat(Instant.parse(created.path("recordedAt").asText())).isEqualTo(at("2025-01-02T01:00:00Z"));
        assertThat(created.path("data").path("name").asText()).isEqualTo("史部");
        JsonNode second = expectStatus(admin().get("/api/v1/organs/" + organ + "/history?page=1&size=2"), 200).body();
        assertThat(texts(second.path("items"), "type")).containsExactly("LeaderRemoved");
        assertThat(texts(second.path("items"), "sequence")).containsExactly("2");
    }

    @Test
    void meetings_decisions_findings_and_the_dashboard_as_of_a_date() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        String meeting = uniqueId("meeting");
        String adopted = uniqueId("decision");
        String revoked = uniqueId("decision");
        synchronized (FEED) {
            FEED.committeeRegistered(committee, 5);
            FEED.slotTaken(committee, organ, day("2024-01-01"));
            FEED.organCreated(committee, organ, "督部", day("2024-01-01"));
            FEED.leaderAppointed(organ, "m1", "PRINCIPAL", day("2024-01-01"));
            FEED.findingRecorded(organ, "f1", day("2025-03-01"), day("2025-06-30"));
            FEED.findingRecorded(organ, "f2", day("2025-03-01"), day("2025-06-30"));
            FEED.rectificationReported(organ, "f2", day("2025-06-01"), true);
            FEED.assessmentRecorded(organ, 2025, "GOOD", day("2025-12-20"));
            FEED.accountabilityRecorded(organ, "m1", "TALK_REMINDER", day("2025-05-01"));
            FEED.meetingConvened(committee, organ, meeting, at("2025-04-10T02:00:00Z"), "i1");
            FEED.meetingOpened(committee, organ, meeting, at("2025-04-10T02:05:00Z"));
            FEED.voteRecorded(committee, organ, meeting, "i1");
            FEED.itemAdopted(committee, organ, meeting, "i1", adopted, at("2025-04-10T03:00:00Z"));
            FEED.decisionTaken(committee, organ, adopted, meeting, "i1", day("2025-04-10"));
            FEED.taskAssigned(committee, organ, adopted, "t1", day("2025-05-31"));
            FEED.decisionTaken(committee, organ, revoked, meeting, "i1", day("2025-04-10"));
            FEED.decisionRevoked(committee, organ, revoked, day("2025-09-01"));
        }
        awaitOrganEvents(organ, 7);
        awaitMeetingEvents(meeting, 4);
        awaitGet("/api/v1/decisions?committeeId=" + committee + "&asOf=2025-12-31",
                r -> r.body().path("items").size() == 2 && r.body().path("items").findValues("tasks").stream()
                        .anyMatch(t -> t.size() == 1) && r.body().toString().contains("REVOKED"));

        JsonNode held = expectStatus(admin().get("/api/v1/meetings/" + meeting + "?asOf=2025-12-31"), 200).body();
        assertThat(held.path("status").asText()).isEqualTo("OPEN");
        assertThat(held.path("agenda").get(0).path("status").asText()).isEqualTo("ADOPTED");
        assertThat(held.path("agenda").get(0).path("forVotes").asInt()).isEqualTo(1);
        assertThat(held.path("agenda").get(0).path("votesCast").asInt()).isEqualTo(1);
        assertThat(held.path("agenda").get(0).path("decisionId").asText()).isEqualTo(adopted);
        assertThat(texts(held.path("attendance").path("present"), "")).hasSize(1);
        // Notice was given on 2025-04-08: before that the meeting had not been convened.
        expectStatus(admin().get("/api/v1/meetings/" + meeting + "?asOf=2025-04-01"), 404);
        JsonNode meetingHistory = expectStatus(admin().get("/api/v1/meetings/" + meeting + "/history"), 200).body();
        assertThat(texts(meetingHistory.path("items"), "businessDate"))
                .containsExactly("2025-04-08", "2025-04-10", "2025-04-10", "2025-04-10");

        JsonNode decisions = expectStatus(admin().get("/api/v1/decisions?committeeId=" + committee
                + "&asOf=2025-12-31"), 200).body().path("items");
        JsonNode inForce = decisions.get(0).path("decisionId").asText().equals(adopted) ? decisions.get(0) : decisions.get(1);
        assertThat(inForce.path("status").asText()).isEqualTo("IN_FORCE");
        assertThat(inForce.path("overdueTasks").asInt()).isEqualTo(1);
        assertThat(inForce.path("tasks").get(0).path("overdue").asBoolean()).isTrue();
        JsonNode onlyRevoked = expectStatus(admin().get("/api/v1/decisions?committeeId=" + committee
                + "&asOf=2025-12-31&status=REVOKED"), 200).body().path("items");
        assertThat(texts(onlyRevoked, "decisionId")).containsExactly(revoked);
        JsonNode august = expectStatus(admin().get("/api/v1/decisions?organId=" + organ + "&asOf=2025-08-01"), 200)
                .body().path("items");
        assertThat(texts(august, "status")).containsOnly("IN_FORCE");

        JsonNode overdueFindings = expectStatus(admin().get("/api/v1/findings?committeeId=" + committee
                + "&status=OVERDUE&asOf=2025-12-31"), 200).body().path("items");
        assertThat(texts(overdueFindings, "findingId")).containsExactly("f1");
        assertThat(overdueFindings.get(0).path("daysOverdue").asInt()).isEqualTo(184);
        JsonNode openInMay = expectStatus(admin().get("/api/v1/findings?organId=" + organ + "&asOf=2025-05-01"), 200)
                .body().path("items");
        assertThat(texts(openInMay, "status")).containsExactly("OPEN", "OPEN");

        JsonNode dashboard = expectStatus(admin().get("/api/v1/committees/" + committee
                + "/dashboard?year=2025&asOf=2025-12-31"), 200).body();
        assertThat(dashboard.path("organs").path("quota").asInt()).isEqualTo(5);
        assertThat(dashboard.path("organs").path("counted").asInt()).isEqualTo(1);
        assertThat(dashboard.path("organs").path("active").asInt()).isEqualTo(1);
        assertThat(dashboard.path("leadership").path("posts").asInt()).isEqualTo(5);
        assertThat(dashboard.path("leadership").path("filled").asInt()).isEqualTo(1);
        assertThat(dashboard.path("staffing").path("quota").asInt()).isEqualTo(40);
        assertThat(dashboard.path("annualReports").path("byStatus").path("PENDING").asInt()).isEqualTo(1);
        assertThat(dashboard.path("meetings").path("held").asInt()).isEqualTo(1);
        assertThat(dashboard.path("meetings").path("heldInYear").asInt()).isEqualTo(1);
        assertThat(dashboard.path("decisions").path("byStatus").path("IN_FORCE").asInt()).isEqualTo(1);
        assertThat(dashboard.path("decisions").path("byStatus").path("REVOKED").asInt()).isEqualTo(1);
        assertThat(dashboard.path("decisions").path("revocations").asInt()).isEqualTo(1);
        assertThat(dashboard.path("decisions").path("overdueTasks").asInt()).isEqualTo(1);
        assertThat(dashboard.path("findings").path("overdue").asInt()).isEqualTo(1);
        assertThat(dashboard.path("findings").path("rectified").asInt()).isEqualTo(1);
        assertThat(dashboard.path("assessments").path("byGrade").path("GOOD").asInt()).isEqualTo(1);
        assertThat(dashboard.path("accountability").path("byMeasure").path("TALK_REMINDER").asInt()).isEqualTo(1);

        JsonNode earlier = expectStatus(admin().get("/api/v1/committees/" + committee
                + "/dashboard?year=2025&asOf=2025-03-31"), 200).body();
        assertThat(earlier.path("meetings").path("held").asInt()).isZero();
        assertThat(earlier.path("findings").path("open").asInt()).isEqualTo(2);
        assertThat(earlier.path("decisions").path("total").asInt()).isZero();
    }

    @Test
    void bad_parameters_are_400_problems() {
        ApiClient.Response badDate = admin().get("/api/v1/organs?asOf=yesterday");
        expectStatus(badDate, 400);
        assertThat(badDate.code()).isEqualTo("VALIDATION");
        assertThat(badDate.contentType()).startsWith("application/problem+json");
        expectStatus(admin().get("/api/v1/organs?size=0"), 400);
        expectStatus(admin().get("/api/v1/annual-reports?status=LATE"), 400);
        expectStatus(admin().get("/api/v1/findings?knownAt=noon"), 400);
        expectStatus(admin().get("/api/v1/organs/nobody"), 404);
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        assertThat(docs.path("paths").has("/api/v1/committees/{committeeId}/dashboard")).isTrue();
        assertThat(docs.path("paths").has("/api/v1/annual-reports")).isTrue();
    }
}
