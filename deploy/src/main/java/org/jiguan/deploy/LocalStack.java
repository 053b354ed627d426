package org.jiguan.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.jiguan.deploy.ServiceCatalog.Service;
import org.jiguan.platform.security.DevTokens;

/**
 * The one-command local stack (本地开发环境): an embedded Kafka broker and MongoDB-compatible store (unless
 * configured), then every service as a child process, a banner with URLs and a development token, and a clean
 * stop on Ctrl-C. {@code token} mints further development tokens; {@code events} prints a topic's events.
 */
public final class LocalStack {
    static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(120);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);
    static final Duration ADMIN_TOKEN_VALIDITY = Duration.ofHours(12);

    static final String USAGE = """
            Usage: java -jar deploy/target/jiguan-local.jar            start the local stack (Ctrl-C stops it)
                   java -jar deploy/target/jiguan-local.jar --demo     start it and load the demo data once it is up
                   java -jar deploy/target/jiguan-local.jar demo ...   load the demo data into a running stack (demo --help)
                   java -jar deploy/target/jiguan-local.jar token ...  mint a development token (token --help)
                   java -jar deploy/target/jiguan-local.jar events ... print a topic's events (events --help)

            Environment: JIGUAN_DATA_DIR (default <repo>/.jiguan-data), MONGODB_URI, KAFKA_BOOTSTRAP_SERVERS,
                         JIGUAN_JWT_SECRET (default: generated once, kept in <data dir>/jwt-secret)
            """;

    private final Map<String, String> env;
    private final StackPaths paths;
    private final LocalInfrastructure infra = new LocalInfrastructure();
    private final List<ServiceProcess> children = new ArrayList<>();
    private final boolean loadDemo;
    private boolean stopped;

    private LocalStack(Map<String, String> env, StackPaths paths, boolean loadDemo) {
        this.env = env;
        this.paths = paths;
        this.loadDemo = loadDemo;
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        Map<String, String> env = System.getenv();
        Path workingDir = Path.of("").toAbsolutePath();
        if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
            System.exit(TokenCommand.run(arguments.subList(1, arguments.size()), env, workingDir, System.out, System.err));
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("events")) {
            System.exit(EventsCommand.run(arguments.subList(1, arguments.size()), env));
        }
        if (!arguments.isEmpty() && arguments.get(0).equals("demo")) {
            System.exit(DemoCommand.run(arguments.subList(1, arguments.size()), env, workingDir));
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        boolean demo = arguments.equals(List.of("--demo"));
        if (!arguments.isEmpty() && !demo) {
            System.err.println("Unknown arguments: " + String.join(" ", arguments) + "\n\n" + USAGE);
            System.exit(2);
        }
        try {
            LocalStack stack = new LocalStack(env, StackPaths.resolve(env, workingDir), demo);
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "jiguan-local-shutdown"));
            stack.run();
        } catch (StackException e) {
            Console.info("ERROR: " + e.getMessage());
            System.exit(1); // the shutdown hook stops whatever had started
        }
    }

    private void run() {
        List<Service> services = ServiceCatalog.present(paths.repoRoot(), ServiceCatalog.ALL);
        if (services.isEmpty()) {
            throw new StackException("No service modules found under " + paths.repoRoot());
        }
        Console.info("Jiguan local stack (机关 本地开发环境), data in " + paths.dataDir());
        services.forEach(s -> Ports.requireFree(s.port(), s.name(), ""));
        DevSecret secret = DevSecret.resolve(env, paths.secretFile());
        Console.warn("JWT secret " + secret.describe() + ". It is for local development only; "
                + "production validates OIDC tokens.");
        infra.start(env, paths);
        infra.createTopics(services.stream().flatMap(s -> s.topics().stream()).toList());
        startServices(services, secret);
        String adminToken = DevTokens.mint(secret.value(), "local-admin", List.of("ADMIN"), List.of("*"), List.of(),
                ADMIN_TOKEN_VALIDITY);
        Console.plain(Banner.render(services, infra, paths, secret, adminToken));
        if (loadDemo) {
            loadDemo(services, secret);
        }
        awaitAllExited();
    }

    /** {@code --demo}: a refused act is reported, and the stack keeps running with what was loaded. */
    private void loadDemo(List<Service> services, DevSecret secret) {
        Map<String, String> urls = new HashMap<>();
        services.forEach(s -> urls.put(s.name(), s.baseUrl()));
        if (!urls.containsKey("organ-service") || !urls.containsKey("meeting-service")) {
            Console.warn("--demo needs organ-service and meeting-service; not loading the demo data");
            return;
        }
        try {
            DemoCommand.load(urls.get("organ-service"), urls.get("meeting-service"),
                    urls.getOrDefault("oversight-service", "http://127.0.0.1:8083"), secret.value());
        } catch (StackException e) {
            Console.tagged("demo", "ERROR: " + e.getMessage());
            Console.warn("The demo data is incomplete; the stack keeps running. Fix and run deploy/local/demo again.");
        }
    }

    private void startServices(List<Service> services, DevSecret secret) {
        Map<String, String> childEnv = new HashMap<>();
        childEnv.put(LocalInfrastructure.MONGODB_URI, infra.mongoUri());
        childEnv.put(LocalInfrastructure.KAFKA_BOOTSTRAP_SERVERS, infra.kafkaBootstrap());
        childEnv.put(DevSecret.ENV, secret.value());
        for (Service service : services) {
            ServiceProcess child = ServiceProcess.start(service, paths, childEnv);
            synchronized (this) {
                children.add(child);
            }
        }
        Instant deadline = Instant.now().plus(STARTUP_TIMEOUT);
        Console.info("Waiting up to " + STARTUP_TIMEOUT.toSeconds() + " s for the services to report UP");
        for (ServiceProcess child : snapshotChildren()) {
            child.awaitHealthy(deadline);
        }
    }

    /** Blocks while any service runs; if every one of them dies on its own, the stack stops. */
    private void awaitAllExited() {
        CompletableFuture.allOf(snapshotChildren().stream().map(ServiceProcess::onExit)
                .toArray(CompletableFuture[]::new)).join();
        synchronized (this) {
            if (stopped) {
                return; // Ctrl-C: the shutdown hook stopped them
            }
        }
        throw new StackException("Every service has exited; stopping the stack.");
    }

    /** Shutdown hook: services first (gracefully, then forcibly), then Kafka, then the store. */
    private void stop() {
        List<ServiceProcess> running;
        synchronized (this) {
            if (stopped) {
                return;
            }
            stopped = true;
            running = List.copyOf(children);
        }
        Console.info("Shutting down the local stack ...");
        running.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(STOP_TIMEOUT);
        running.forEach(child -> child.awaitStopped(deadline));
        try {
            infra.close();
        } catch (RuntimeException e) {
            Console.warn("Error while stopping the infrastructure: " + e);
        }
        Console.info("Stopped. Data kept in " + paths.dataDir());
    }

    private synchronized List<ServiceProcess> snapshotChildren() {
        return List.copyOf(children);
    }
}
