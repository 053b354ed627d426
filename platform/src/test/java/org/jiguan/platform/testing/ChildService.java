package org.jiguan.platform.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;


/**
 * A service as its own operating-system process, as in production, so a test can kill it (SIGKILL) and start
 * it again. It runs the service's main class from the test classpath against the given store database and
 * Kafka broker.
 */
public final class ChildService implements AutoCloseable {
    private final Process process;
    private final int port;

    private ChildService(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** {@code java -Xmx512m <options> -cp <this JVM's class path> <mainClass> <args>}, with this JVM's java. */
    public static List<String> javaCommand(List<String> options, Class<?> mainClass, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx512m"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /**
     * Starts the service and waits until its health endpoint answers; its output goes to {@code target/<name>.log},
     * its temporary files to {@code target/<name>-tmp}.
     */
    public static ChildService start(Class<?> mainClass, String name, int port, String mongoUri, String database,
                                            String kafkaBootstrap, String... systemProperties)
            throws IOException, InterruptedException {
        Path log = Path.of("target", name + ".log");
        Files.createDirectories(log.getParent());
        // Its temporary files in target/ too (Tomcat's directories: a new pair in the system's temporary directory
        // at every start, left there when the test kills it).
        Path temporary = Files.createDirectories(Path.of("target", name + "-tmp")).toAbsolutePath();
        List<String> options = new ArrayList<>(List.of("-Djava.io.tmpdir=" + temporary));
        options.addAll(List.of(systemProperties));
        List<String> command = javaCommand(options, mainClass);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("MONGODB_URI", mongoUri);
        builder.environment().put("MONGODB_DATABASE", database);
        builder.environment().put("KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrap);
        builder.environment().put("JIGUAN_JWT_SECRET", TestInfrastructure.JWT_SECRET);
        Process process = builder.start();
        HttpClient http = HttpClient.newHttpClient();
        URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
        waitUntil(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + log.toAbsolutePath());
            }
            try {
                return http.send(HttpRequest.newBuilder(health).build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode() == 200;
            } catch (IOException notYet) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, Duration.ofSeconds(120));
        return new ChildService(process, port);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hooks, nothing flushed. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout);
            }
            Thread.sleep(100);
        }
    }

    /** A short pause, e.g. for a client whose service is down before it tries again. */
    public static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
