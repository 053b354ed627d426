package org.jiguan.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jiguan.platform.testing.TestInfrastructure;

/**
 * organ-service and meeting-service running as their own processes from their jars, as the local stack runs
 * them, against the test JVM's broker and store. Started once per test JVM and shared by the tests that need
 * both; stopped when the JVM exits.
 */
final class RunningServices {
    private static RunningServices started;

    final ServiceCatalog.Service organService;
    final ServiceCatalog.Service meetingService;
    private final List<ServiceProcess> processes;

    private RunningServices(ServiceCatalog.Service organService, ServiceCatalog.Service meetingService,
                            List<ServiceProcess> processes) {
        this.organService = organService;
        this.meetingService = meetingService;
        this.processes = processes;
    }

    static synchronized RunningServices organAndMeeting() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-services"));
        }
        return started;
    }

    private static RunningServices start() {
        ServiceCatalog.Service organs = new ServiceCatalog.Service("organ-service", "工作机关", freePort(), "organ-events");
        ServiceCatalog.Service meetings = new ServiceCatalog.Service("meeting-service", "会议与决策", freePort(),
                "meeting-events");
        return new RunningServices(organs, meetings, startAll(List.of(organs, meetings)));
    }

    /** Starts the services from their jars against the test JVM's broker and store and waits until they are up. */
    static List<ServiceProcess> startAll(List<ServiceCatalog.Service> services) {
        return startAll(services, service -> Map.of());
    }

    /** As {@link #startAll(List)}, each service with more environment variables of its own. */
    static List<ServiceProcess> startAll(List<ServiceCatalog.Service> services,
                                         Function<ServiceCatalog.Service, Map<String, String>> moreEnv) {
        TestInfrastructure.start();
        StackPaths paths = new StackPaths(StackPaths.findRepoRoot(Path.of("")).orElseThrow(),
                Path.of("target", "services").toAbsolutePath());
        Map<String, String> env = Map.of("MONGODB_URI", TestInfrastructure.mongoUri(),
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafkaBootstrap(),
                "JIGUAN_JWT_SECRET", TestInfrastructure.JWT_SECRET);
        List<ServiceProcess> processes = services.stream().map(s -> {
            Map<String, String> own = new HashMap<>(env);
            own.putAll(moreEnv.apply(s));
            return ServiceProcess.start(s, paths, own);
        }).toList();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        processes.forEach(p -> p.awaitHealthy(deadline));
        return processes;
    }

    static void stopAll(List<ServiceProcess> processes) {
        processes.forEach(ServiceProcess::requestStop);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        processes.forEach(p -> p.awaitStopped(deadline));
    }

    private void stop() {
        stopAll(processes);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
