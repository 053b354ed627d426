package org.jiguan.platform.testing;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.jiguan.platform.local.EmbeddedMongo;

/**
 * The local MongoDB-compatible server in a process of its own, so a test can kill it with SIGKILL mid-write and
 * start it again on the same port and data file.
 */
public final class StoreProcess implements AutoCloseable {
    private final Process process;
    private final Path dataDir;
    private final int port;

    private StoreProcess(Process process, Path dataDir, int port) {
        this.process = process;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** Runs the store: {@code StoreProcess <data dir> <port>}. */
    public static void main(String[] args) throws InterruptedException {
        EmbeddedMongo.start(Path.of(args[0]), Integer.parseInt(args[1]));
        Thread.currentThread().join();
    }

    public static StoreProcess start(Path dataDir, int port) throws IOException, InterruptedException {
        Path log = Path.of("target", "store-process.log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(ChildService.javaCommand(List.of(), StoreProcess.class,
                dataDir.toString(), Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        ChildService.waitUntil(() -> {
            if (!process.isAlive()) {
                throw new IllegalStateException("the store exited; see " + log.toAbsolutePath());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        }, Duration.ofSeconds(60));
        return new StoreProcess(process, dataDir, port);
    }

    public String uri() {
        return "mongodb://127.0.0.1:" + port;
    }

    /** SIGKILL, then the same store started again on its port and file. */
    public StoreProcess killAndRestart() throws IOException, InterruptedException {
        close();
        return start(dataDir, port);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }
}
