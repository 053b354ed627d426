package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.jiguan.platform.security.DevTokens;
import org.jiguan.platform.time.BusinessCalendar;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo loader against organ-service and meeting-service running as their own processes from their jars (as in
 * {@link MeetingScenarioTest}): the whole data set goes in over HTTP, a second run changes nothing, and the
 * services' topics carry the events.
 */
class DemoDataTest {
    private static ServiceCatalog.Service organService;
    private static ServiceCatalog.Service meetingService;

    @BeforeAll
    static void bothServicesRun() {
        RunningServices services = RunningServices.organAndMeeting();
        organService = services.organService;
        meetingService = services.meetingService;
    }

    @Test
    void the_demo_loads_over_http_once_and_a_second_run_changes_nothing() {
        List<DemoAct> plan = DemoData.plan(BusinessCalendar.today(Clock.systemUTC()));
        DemoLoader.Result first = loader().load(plan);
        System.out.println("first run: " + DemoCommand.summary(first));
        assertThat(first.count(DemoLoader.Outcome.APPLIED)).isEqualTo(plan.size());
        assertThat(first.dataset().get("organs")).isGreaterThanOrEqualTo(60);
        assertThat(first.dataset().get("meetings")).isGreaterThanOrEqualTo(6);
        assertThat(first.dataset().get("decisions")).isGreaterThanOrEqualTo(10);
        assertThat(first.dataset().get("decision tasks")).isGreaterThanOrEqualTo(8);

        DemoLoader.Result second = loader().load(plan);
        System.out.println("second run: " + DemoCommand.summary(second));
        assertThat(second.changedNothing()).isTrue();
        assertThat(second.count(DemoLoader.Outcome.REPLAYED)).isEqualTo(plan.size());
        assertThat(second.dataset()).isEqualTo(first.dataset());

        int organs = first.dataset().get("organs");
        int decisions = first.dataset().get("decisions") + first.dataset().get("urgent decisions");
        assertThat(count("organ-events", "jiguan.organ.OrganCreated", organs)).isEqualTo(organs);
        assertThat(count("meeting-events", "jiguan.meeting.MeetingConvened", first.dataset().get("meetings")))
                .isEqualTo(first.dataset().get("meetings"));
        assertThat(count("meeting-events", "jiguan.meeting.ItemAdopted", first.dataset().get("decisions")))
                .isEqualTo(first.dataset().get("decisions"));
        assertThat(count("meeting-events", "jiguan.meeting.UrgentDecisionTaken", 1)).isEqualTo(1);
        assertThat(decisions).isGreaterThanOrEqualTo(11);
    }

    private static DemoLoader loader() {
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, DemoCommand.LOADER_SUBJECT, List.of("ADMIN"),
                List.of("*"), List.of(), Duration.ofHours(1));
        return new DemoLoader(organService.baseUrl(), meetingService.baseUrl(), token,
                line -> System.out.println("[demo] " + line));
    }

    /**
     * The demo's events of a type on a topic (other tests of this JVM share the topics), read from the beginning
     * until {@code expected} are there or 60 s pass.
     */
    private static int count(String topic, String type, int expected) {
        java.util.function.Predicate<TopicReader.Record> demos = r -> type.equals(r.header("ce_type"))
                && DEMO_COMMITTEES.stream().anyMatch(c -> r.value().contains("\"committeeId\":\"" + c + "\""));
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafkaBootstrap(), topic)) {
            return (int) reader.readUntil(records -> records.stream().filter(demos).count() >= expected,
                    Duration.ofSeconds(60)).stream().filter(demos).count();
        }
    }

    private static final List<String> DEMO_COMMITTEES = DemoData.COMMITTEES.stream().map(DemoData.Committee::id)
            .toList();

}
