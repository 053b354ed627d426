package org.jiguan.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends the demo plan ({@link DemoData}) over HTTP, act by act, in order, with progress lines. Each act carries an
 * {@code Idempotency-Key} derived from its id, so a second run replays the first answers and changes nothing.
 * <ul>
 *   <li>2xx: applied, or replayed when the service says {@code Idempotent-Replayed};</li>
 *   <li>409 "not yet known": meeting-service has not yet read the organ from organ-events; retried briefly;</li>
 *   <li>409 on a creation (the id exists) or any conflict with what is there, and 422
 *       {@code IDEMPOTENCY_KEY_REUSED} (loaded earlier with other dates): already there. When a creation is
 *       already there but not replayed (its key has expired), the rest of that organ's or meeting's acts are left
 *       as they are;</li>
 *   <li>anything else stops the load with the act and the service's problem+json.</li>
 * </ul>
 */
final class DemoLoader {
    static final String KEY_PREFIX = "jiguan-demo:";
    private static final Duration REPORT_EVERY = Duration.ofSeconds(2);
    private static final Duration WAIT_FOR_ORGAN = Duration.ofSeconds(90);
    private static final Duration WAIT_FOR_SERVICE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Outcome { APPLIED, REPLAYED, EXISTED, SKIPPED }

    /** What a run did: outcomes, the data set now on the services by kind, and how long it took. */
    record Result(int acts, Map<Outcome, Integer> outcomes, Map<String, Integer> dataset, Duration took) {
        int count(Outcome outcome) {
            return outcomes.getOrDefault(outcome, 0);
        }

        boolean changedNothing() {
            return count(Outcome.APPLIED) == 0;
        }
    }

    /** An act the services refused; the message names it and quotes the problem+json. */
    private static StackException failure(DemoAct act, String message) {
        return new StackException("demo act " + act.id() + " (" + act.phase() + ", POST " + act.path() + ") failed: "
                + message);
    }

    private final Map<DemoAct.Service, String> baseUrls;
    private final String token;
    private final Consumer<String> out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoLoader(String organServiceUrl, String meetingServiceUrl, String token, Consumer<String> out) {
        this.baseUrls = Map.of(DemoAct.Service.ORGANS, organServiceUrl, DemoAct.Service.MEETINGS, meetingServiceUrl);
        this.token = token;
        this.out = out;
    }

    Result load(List<DemoAct> plan) {
        Instant started = Instant.now();
        Map<String, Integer> phaseTotals = new LinkedHashMap<>();
        plan.forEach(act -> phaseTotals.merge(act.phase(), 1, Integer::sum));
        out.accept("loading " + plan.size() + " acts: " + phaseTotals.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).reduce((a, b) -> a + ", " + b).orElse(""));
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        Map<String, Integer> dataset = new LinkedHashMap<>();
        Map<String, Integer> phaseDone = new LinkedHashMap<>();
        Map<String, Map<Outcome, Integer>> phaseOutcomes = new LinkedHashMap<>();
        Set<String> leftAsTheyAre = new HashSet<>();
        Instant phaseStarted = started;
        Instant nextReport = started.plus(REPORT_EVERY);
        String phase = null;
        for (DemoAct act : plan) {
            if (!act.phase().equals(phase)) {
                phase = act.phase();
                phaseStarted = Instant.now();
            }
            Outcome outcome = leftAsTheyAre.contains(act.group()) ? Outcome.SKIPPED : send(act);
            if (act.creates() && outcome == Outcome.EXISTED) {
                leftAsTheyAre.add(act.group());
            }
            outcomes.merge(outcome, 1, Integer::sum);
            phaseOutcomes.computeIfAbsent(phase, p -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
            if (act.counts() != null && outcome != Outcome.SKIPPED) {
                dataset.merge(act.counts(), 1, Integer::sum);
            }
            int done = phaseDone.merge(phase, 1, Integer::sum);
            int total = phaseTotals.get(phase);
            Instant now = Instant.now();
            if (done == total) {
                out.accept(String.format(Locale.ROOT, "%s %d/%d done in %s: %s", phase, done, total,
                        seconds(Duration.between(phaseStarted, now)), describe(phaseOutcomes.get(phase))));
            } else if (now.isAfter(nextReport)) {
                out.accept(String.format(Locale.ROOT, "%s %d/%d … (%s)", phase, done, total,
                        seconds(Duration.between(started, now))));
                nextReport = now.plus(REPORT_EVERY);
            }
        }
        return new Result(plan.size(), outcomes, dataset, Duration.between(started, Instant.now()));
    }

    static String describe(Map<Outcome, Integer> outcomes) {
        StringBuilder b = new StringBuilder();
        outcomes.forEach((outcome, n) -> b.append(b.isEmpty() ? "" : ", ").append(n).append(' ').append(switch (outcome) {
            case APPLIED -> "applied";
            case REPLAYED -> "already loaded (replayed, unchanged)";
            case EXISTED -> "already there";
            case SKIPPED -> "left as they are";
        }));
        return b.toString();
    }

    static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private Outcome send(DemoAct act) {
        String body = write(act);
        Instant started = Instant.now();
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request(act, body), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (waited(started, WAIT_FOR_SERVICE)) {
                    throw failure(act, "cannot reach " + baseUrls.get(act.service()) + " (" + e + "); is the stack running?");
                }
                pause();
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while loading the demo data");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                return response.headers().firstValue("Idempotent-Replayed").isPresent() ? Outcome.REPLAYED : Outcome.APPLIED;
            }
            JsonNode problem = read(response.body());
            String code = problem.path("code").asText("");
            String detail = problem.path("detail").asText("");
            boolean organNotYetKnown = status == 409 && detail.contains("not yet known");
            boolean stillRunning = status == 409 && detail.contains("still being processed");
            if (organNotYetKnown || stillRunning || status == 503) {
                if (waited(started, organNotYetKnown ? WAIT_FOR_ORGAN : WAIT_FOR_SERVICE)) {
                    throw failure(act, "gave up waiting: " + status + " " + response.body());
                }
                pause();
                continue;
            }
            if (status == 409 || (status == 422 && code.equals("IDEMPOTENCY_KEY_REUSED"))) {
                return Outcome.EXISTED;
            }
            throw failure(act, status + " " + response.body());
        }
    }

    private HttpRequest request(DemoAct act, String body) {
        return HttpRequest.newBuilder(URI.create(baseUrls.get(act.service()) + act.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .header("Idempotency-Key", KEY_PREFIX + act.id())
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    private static String write(DemoAct act) {
        try {
            return JSON.writeValueAsString(act.body());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("demo act " + act.id() + " cannot be written as JSON", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    private static boolean waited(Instant since, Duration limit) {
        return Instant.now().isAfter(since.plus(limit));
    }

    private static void pause() {
        try {
            Thread.sleep(250);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while loading the demo data");
        }
    }
}
