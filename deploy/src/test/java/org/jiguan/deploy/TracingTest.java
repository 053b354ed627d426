package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.Prometheus.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.Prometheus;
import org.jiguan.platform.testing.TestInfrastructure;
import org.jiguan.platform.testing.TopicReader;
import org.junit.jupiter.api.Test;

/**
 * Issue 9's observability, end to end with organ-service and oversight-service running from their jars with
 * {@code JIGUAN_LOG_FORMAT=json} and a log file each: a command sent with a known W3C {@code traceparent} is
 * logged by organ-service under that trace, its event carries it on {@code organ-events}, and oversight-service's
 * consumer logs the event under the same trace id, every line valid JSON; the metrics count the command and show
 * the publisher's and consumers' lag.
 */
class TracingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LOGS = Path.of("target", "tracing").toAbsolutePath();

    @Test
    void a_commands_trace_id_reaches_oversights_log_line_and_the_metrics_show_it() throws Exception {
        String traceId = randomHex(16);
        String traceparent = "00-" + traceId + "-" + randomHex(8) + "-01";
        String committee = "trace-" + randomHex(4);
        ServiceCatalog.Service organs = new ServiceCatalog.Service("organ-service", "工作机关",
                RunningServices.freePort(), "organ-events");
        ServiceCatalog.Service oversight = new ServiceCatalog.Service("oversight-service", "监督提醒",
                RunningServices.freePort(), "oversight-reminders");
        Files.createDirectories(LOGS);
        for (ServiceCatalog.Service s : List.of(organs, oversight)) {
            Files.deleteIfExists(logOf(s));
        }
        List<ServiceProcess> processes = RunningServices.startAll(List.of(organs, oversight), s -> Map.of(
                "JIGUAN_LOG_FORMAT", "json", "LOGGING_FILE_NAME", logOf(s).toString(),
                "MONGODB_DATABASE", s.name() + "-tracing"));
        try {
            ApiClient.Response created = ApiClient.admin(organs.baseUrl()).withHeader("traceparent", traceparent)
                    .post("/api/v1/committees", Map.of("committeeId", committee, "name", "党中央",
                            "level", "CENTRAL", "organQuota", 10));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);

            JsonNode commandLine = awaitLine(organs, line -> loggedBy(line, "jiguan.commands")
                    && line.path("message").asText().startsWith("RegisterCommittee"));
            assertThat(commandLine.path("traceId").asText()).isEqualTo(traceId);

            try (TopicReader topic = new TopicReader(TestInfrastructure.kafkaBootstrap(), organs.topic())) {
                TopicReader.Record event = topic.readUntil(seen -> seen.stream()
                                .anyMatch(r -> committee.equals(r.key())), Duration.ofSeconds(30)).stream()
                        .filter(r -> committee.equals(r.key())).findFirst().orElseThrow();
                assertThat(event.header("traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
            }

            JsonNode consumed = awaitLine(oversight, line -> loggedBy(line, "jiguan.consumer")
                    && line.path("message").asText().contains(committee));
            assertThat(consumed.path("traceId").asText()).isEqualTo(traceId);
            assertThat(consumed.path("message").asText()).contains("CommitteeRegistered").contains(traceId);

            String organMetrics = Prometheus.scrape(organs.baseUrl());
            assertThat(sample(organMetrics, "jiguan_commands_total",
                    "outcome=\"accepted\",rule=\"none\",type=\"RegisterCommittee\"")).isEqualTo(1);
            ChildService.waitUntil(() -> sample(Prometheus.scrape(organs.baseUrl()), "jiguan_publisher_lag_commits",
                    "topic=\"organ-events\"") == 0, Duration.ofSeconds(30));
            ChildService.waitUntil(() -> Prometheus.scrape(oversight.baseUrl())
                    .matches("(?s).*\\njiguan_consumer_lag_records\\{consumer=\"[^\"]+\"} 0\\.0\\n.*"),
                    Duration.ofSeconds(30));
        } finally {
            RunningServices.stopAll(processes);
        }
    }

    /** Elastic Common Schema: {@code {"log":{"level":…,"logger":…},…}}. */
    private static boolean loggedBy(JsonNode line, String logger) {
        return logger.equals(line.path("log").path("logger").asText());
    }

    private static Path logOf(ServiceCatalog.Service service) {
        return LOGS.resolve(service.name() + ".log");
    }

    /** Waits for the service's first log line that matches; every line read must be one JSON object. */
    private static JsonNode awaitLine(ServiceCatalog.Service service, Predicate<JsonNode> wanted)
            throws InterruptedException {
        JsonNode[] found = new JsonNode[1];
        ChildService.waitUntil(() -> {
            found[0] = jsonLines(logOf(service)).stream().filter(wanted).findFirst().orElse(null);
            return found[0] != null;
        }, Duration.ofSeconds(30));
        return found[0];
    }

    private static List<JsonNode> jsonLines(Path log) {
        try {
            if (!Files.exists(log)) {
                return List.of();
            }
            String text = Files.readString(log, StandardCharsets.UTF_8);
            // The last line may still be being written.
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().filter(line -> !line.isBlank())
                    .map(TracingTest::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode parse(String line) {
        try {
            JsonNode node = JSON.readTree(line);
            assertThat(node.isObject()).as(line).isTrue();
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("not a JSON log line: " + line, e);
        }
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
