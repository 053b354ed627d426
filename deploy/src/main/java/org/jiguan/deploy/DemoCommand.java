package org.jiguan.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jiguan.deploy.CommandLine.UsageError;
import org.jiguan.platform.security.DevTokens;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * {@code jiguan-local demo}: loads the demo data set ({@link DemoData}) into a running local stack over HTTP with an
 * ADMIN development token, shows progress, and ends with a summary and the dashboard's address. Safe to run again:
 * a second run changes nothing and says so. {@code start --demo} runs it once the services are up.
 */
final class DemoCommand {
    static final String LOADER_SUBJECT = "jiguan-demo";
    private static final Duration HEALTH_WAIT = Duration.ofSeconds(60);
    private static final Set<String> OPTIONS = Set.of("--organ-service", "--meeting-service", "--dashboard");

    static final String USAGE = """
            Usage: jiguan-local demo [--organ-service <url>] [--meeting-service <url>] [--dashboard <url>]

            Loads the demo data set into the running local stack over HTTP (ADMIN development token):
            党中央 → 江南省委 → 云州市委, 临江市委 → 青山县委, 清河县委, 白沙县委, with about 90 working organs,
            their leadership bodies, internal bodies, staffing, duties, two years of annual reports (some late,
            some missing), special reports, inspection findings and rectification, assessments, accountability,
            integrity statements, and meetings with votes, minutes, decisions and tasks.
            Every act has a fixed Idempotency-Key, so running it again changes nothing.

              --organ-service    default http://127.0.0.1:8081
              --meeting-service  default http://127.0.0.1:8082
              --dashboard        default http://127.0.0.1:8083 (only printed)
              --help             this text
            """;

    private DemoCommand() {
    }

    /** Runs the subcommand against a running stack; returns the process exit code. */
    static int run(List<String> args, Map<String, String> env, Path workingDir) {
        if (CommandLine.wantsHelp(args)) {
            Console.plain(USAGE);
            return 0;
        }
        try {
            Map<String, String> values = CommandLine.parse(args, OPTIONS, Set.of());
            StackPaths paths = StackPaths.resolve(env, workingDir);
            DevSecret secret = DevSecret.resolve(env, paths.secretFile());
            load(values.getOrDefault("--organ-service", url("organ-service")),
                    values.getOrDefault("--meeting-service", url("meeting-service")),
                    values.getOrDefault("--dashboard", url("oversight-service")), secret.value());
            return 0;
        } catch (UsageError e) {
            Console.plain("Error: " + e.getMessage() + "\n\n" + USAGE);
            return 2;
        } catch (StackException e) {
            Console.tagged("demo", "ERROR: " + e.getMessage());
            return 1;
        }
    }

    /** Waits for both services, loads the plan for today, prints the summary; throws on the first refused act. */
    static DemoLoader.Result load(String organs, String meetings, String dashboard, String secret) {
        awaitHealthy(organs);
        awaitHealthy(meetings);
        String token = DevTokens.mint(secret, LOADER_SUBJECT, List.of("ADMIN"), List.of("*"), List.of(),
                Duration.ofHours(2));
        List<DemoAct> plan = DemoData.plan(BusinessCalendar.today(Clock.systemUTC()));
        DemoLoader.Result result = new DemoLoader(organs, meetings, token, line -> Console.tagged("demo", line))
                .load(plan);
        Console.tagged("demo", summary(result));
        String viewer = DevTokens.mint(secret, "local-admin", List.of("ADMIN"), List.of("*"), List.of(),
                LocalStack.ADMIN_TOKEN_VALIDITY);
        Console.tagged("demo", "dashboard (12 h ADMIN token): " + dashboard + "/#token=" + viewer);
        return result;
    }

    static String summary(DemoLoader.Result result) {
        StringBuilder b = new StringBuilder();
        b.append(result.changedNothing()
                ? "the demo data was already loaded: nothing changed"
                : "demo data loaded")
                .append(" (").append(result.acts()).append(" acts in ").append(DemoLoader.seconds(result.took()))
                .append(": ").append(DemoLoader.describe(result.outcomes())).append(")\n");
        b.append("  data set:");
        result.dataset().forEach((kind, n) -> b.append(' ').append(kind).append(' ').append(n).append(','));
        b.setLength(b.length() - 1);
        return b.toString();
    }

    private static String url(String service) {
        return ServiceCatalog.ALL.stream().filter(s -> s.name().equals(service)).findFirst().orElseThrow().baseUrl();
    }

    private static void awaitHealthy(String baseUrl) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI health = URI.create(baseUrl + "/actuator/health");
        Instant deadline = Instant.now().plus(HEALTH_WAIT);
        boolean told = false;
        while (true) {
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET()
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening (yet)
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + baseUrl);
            }
            if (Instant.now().isAfter(deadline)) {
                throw new StackException(health + " is not UP. Is the local stack running? Start it with "
                        + "deploy/local/start (or deploy/local/start --demo to load the demo data once it is up).");
            }
            if (!told) {
                Console.tagged("demo", "waiting for " + health + " …");
                told = true;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException("Interrupted while waiting for " + baseUrl);
            }
        }
    }
}
