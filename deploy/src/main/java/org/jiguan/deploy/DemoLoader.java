package org.jiguan.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends the demo plan ({@link DemoData}) over HTTP, phase by phase with progress lines; within a phase the acts of
 * one lane (an organ, a committee's new organs, an organ's meetings) go in order, lanes in parallel. Each act carries an
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
    /** Acts of different organs or meetings go in parallel; each command waits for its events to be stored. */
    static final int PARALLEL_LANES = 8;
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
    private final Set<String> leftAsTheyAre = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    DemoLoader(String organServiceUrl, String meetingServiceUrl, String token, Consumer<String> out) {
        this.baseUrls = Map.of(DemoAct.Service.ORGANS, organServiceUrl, DemoAct.Service.MEETINGS, meetingServiceUrl);
        this.token = token;
        this.out = out;
    }

    Result load(List<DemoAct> plan) {
        Instant started = Instant.now();
        Map<String, List<DemoAct>> phases = new LinkedHashMap<>();
        plan.forEach(act -> phases.computeIfAbsent(act.phase(), p -> new ArrayList<>()).add(act));
        out.accept("loading " + plan.size() + " acts (" + phases.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().size()).collect(Collectors.joining(", ")) + ") into "
                + baseUrls.get(DemoAct.Service.ORGANS) + " and " + baseUrls.get(DemoAct.Service.MEETINGS));
        Progress progress = new Progress(started);
        plan.stream().filter(a -> a.counts() != null).forEach(a -> progress.dataset.putIfAbsent(a.counts(), 0));
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_LANES, r -> {
            Thread t = new Thread(r, "demo-loader");
            t.setDaemon(true);
            return t;
        });
        try {
            phases.forEach((phase, acts) -> runPhase(phase, acts, pool, progress));
        } finally {
            pool.shutdownNow();
        }
        progress.dataset.values().removeIf(n -> n == 0); // kinds in plan order, as far as they are there
        return new Result(plan.size(), progress.outcomes, progress.dataset, Duration.between(started, Instant.now()));
    }

    /** One phase: its lanes in parallel, each lane's acts in order; the first refusal stops the load. */
    private void runPhase(String phase, List<DemoAct> acts, ExecutorService pool, Progress progress) {
        Map<String, List<DemoAct>> lanes = new LinkedHashMap<>();
        acts.forEach(act -> lanes.computeIfAbsent(act.lane(), l -> new ArrayList<>()).add(act));
        progress.startPhase(phase, acts.size());
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        List<Future<?>> running = new ArrayList<>();
        for (List<DemoAct> lane : lanes.values()) {
            running.add(pool.submit(() -> {
                for (DemoAct act : lane) {
                    if (failed.get() != null) {
                        return;
                    }
                    try {
                        Outcome outcome = leftAsTheyAre.contains(act.group()) ? Outcome.SKIPPED : send(act);
                        if (act.creates() && outcome == Outcome.EXISTED) {
                            leftAsTheyAre.add(act.group());
                        }
                        progress.done(act, outcome);
                    } catch (RuntimeException e) {
                        failed.compareAndSet(null, e);
                        return;
                    }
                }
            }));
        }
        for (Future<?> lane : running) {
            try {
                lane.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while loading the demo data");
            } catch (ExecutionException e) {
                failed.compareAndSet(null, new StackException("demo loader failed: " + e.getCause(), e.getCause()));
            }
        }
        if (failed.get() != null) {
            throw failed.get();
        }
        progress.endPhase();
    }

    /** Counts and the progress lines, shared by the lanes. */
    private final class Progress {
        final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        final Map<String, Integer> dataset = new LinkedHashMap<>();
        private final Instant started;
        private Map<Outcome, Integer> phaseOutcomes;
        private String phase;
        private int total;
        private int done;
        private Instant phaseStarted;
        private Instant nextReport;

        Progress(Instant started) {
            this.started = started;
        }

        synchronized void startPhase(String name, int acts) {
            phase = name;
            total = acts;
            done = 0;
            phaseOutcomes = new EnumMap<>(Outcome.class);
            phaseStarted = Instant.now();
            nextReport = phaseStarted.plus(REPORT_EVERY);
        }

        synchronized void done(DemoAct act, Outcome outcome) {
            outcomes.merge(outcome, 1, Integer::sum);
            phaseOutcomes.merge(outcome, 1, Integer::sum);
            if (act.counts() != null && outcome != Outcome.SKIPPED) {
                dataset.merge(act.counts(), 1, Integer::sum);
            }
            done++;
            Instant now = Instant.now();
            if (done < total && now.isAfter(nextReport)) {
                out.accept(String.format(Locale.ROOT, "%s %d/%d … (%s)", phase, done, total,
                        seconds(Duration.between(started, now))));
                nextReport = now.plus(REPORT_EVERY);
            }
        }

        synchronized void endPhase() {
            out.accept(String.format(Locale.ROOT, "%s %d/%d done in %s: %s", phase, done, total,
                    seconds(Duration.between(phaseStarted, Instant.now())), describe(phaseOutcomes)));
        }
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
            boolean lostARace = status == 409 && detail.contains("concurrently");
            if (organNotYetKnown || stillRunning || lostARace || status == 503) {
                if (waited(started, organNotYetKnown ? WAIT_FOR_ORGAN : WAIT_FOR_SERVICE)) {
                    throw failure(act, "gave up waiting: " + status + " " + response.body());
                }
                pause();
                continue;
            }
            // Any other 409 says the act is there already (an id in use, a meeting already opened, …).
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
