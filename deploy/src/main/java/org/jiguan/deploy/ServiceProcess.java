package org.jiguan.deploy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jiguan.deploy.ServiceCatalog.Service;

/** One service running as a child process ({@code java -jar <jar>}) with its output forwarded line by line. */
final class ServiceProcess {
    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(10);
    /** A JVM ended by SIGTERM after running its shutdown hooks exits with 128 + 15. */
    private static final int SIGTERM_EXIT = 143;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Service service;
    private final Process process;
    private Thread forwarder;
    private volatile boolean stopping;

    /**
     * The JVM reads classes from its jar while it runs: a build that rewrites {@code target/*.jar} meanwhile
     * would break it (NoClassDefFoundError). The stack therefore runs a copy.
     */
    private static Path runnableCopy(Path built, Path runDir) {
        if (!Files.isRegularFile(built)) {
            throw new StackException(built + " not found. Build first: ./mvnw install -DskipTests (deploy/local/start does).");
        }
        try {
            Files.createDirectories(runDir);
            return Files.copy(built, runDir.resolve(built.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Cannot copy " + built + " to " + runDir + ": " + e.getMessage(), e);
        }
    }

    private ServiceProcess(Service service, Process process) {
        this.service = service;
        this.process = process;
    }

    static ServiceProcess start(Service service, StackPaths paths, Map<String, String> env) {
        Path jar = runnableCopy(service.jar(paths.repoRoot()), paths.runDir());
        // Tomcat's directory beside the jar: by default it is a new one in the system's temporary directory at
        // every start, never deleted.
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-Dserver.tomcat.basedir="
                + paths.runDir().resolve(service.name() + "-tomcat"), "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(paths.repoRoot().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("PORT", Integer.toString(service.port()));
        try {
            Process process = builder.start();
            Console.info("Started " + service.title() + " (pid " + process.pid() + ") on port " + service.port());
            ServiceProcess child = new ServiceProcess(service, process);
            child.forwardOutput();
            return child;
        } catch (IOException e) {
            throw new StackException("Cannot start " + service.name() + ": " + e.getMessage(), e);
        }
    }

    /** The java that runs this stack, so the services run on the same version. */
    static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private void forwardOutput() {
        forwarder = new Thread(() -> {
            // ISO-8859-1 maps every byte to one char, so the child's bytes reach our output unchanged.
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.ISO_8859_1))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    Console.child(service.name(), line);
                }
            } catch (IOException e) {
                // The stream closes when the child ends.
            }
        }, service.name() + "-output");
        forwarder.setDaemon(true);
        forwarder.start();
        process.onExit().thenAccept(p -> {
            if (!stopping) {
                Console.warn(service.name() + " exited unexpectedly with code " + p.exitValue() + " (see its output above)");
            }
        });
    }

    /**
     * Polls /actuator/health until it answers 200 (UP, or DEGRADED while publishing to Kafka retries: commands
     * are accepted either way); fails if the child exits or the deadline passes.
     */
    void awaitHealthy(Instant deadline) {
        URI health = URI.create(service.baseUrl() + "/actuator/health");
        Instant started = Instant.now();
        Instant nextProgress = started.plus(PROGRESS_INTERVAL);
        while (true) {
            if (!process.isAlive()) {
                throw new StackException(service.name() + " exited during startup with code " + process.exitValue()
                        + "; see the [" + service.name() + "] lines above.");
            }
            if (isUp(health)) {
                Console.info(service.title() + " is UP after "
                        + Duration.between(started, Instant.now()).toSeconds() + " s");
                return;
            }
            Instant now = Instant.now();
            if (now.isAfter(deadline)) {
                throw new StackException(service.name() + " did not report UP at " + health + " in time.");
            }
            if (now.isAfter(nextProgress)) {
                Console.info("... waiting for " + service.name() + " to report UP ("
                        + Duration.between(started, now).toSeconds() + " s)");
                nextProgress = now.plus(PROGRESS_INTERVAL);
            }
            sleep(POLL_INTERVAL);
        }
    }

    private static boolean isUp(URI health) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the services");
        }
    }

    /** Asks the child to stop (SIGTERM, so Spring shuts down gracefully). */
    void requestStop() {
        stopping = true;
        if (process.isAlive()) {
            Console.info("Stopping " + service.name() + " (pid " + process.pid() + ")");
            process.destroy();
        }
    }

    /** Waits until {@code deadline} for the child to end, then kills it. */
    void awaitStopped(Instant deadline) {
        try {
            long millis = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
            if (process.waitFor(millis, TimeUnit.MILLISECONDS)) {
                forwarder.join(2000); // let its last lines (the shutdown log) reach the console first
                int code = process.exitValue();
                Console.info(service.name() + " stopped" + (code == 0 || code == SIGTERM_EXIT ? "" : " (exit code " + code + ")"));
                return;
            }
            Console.warn(service.name() + " did not stop in time; killing it");
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    Service service() {
        return service;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("Interrupted while waiting for the services");
        }
    }
}
