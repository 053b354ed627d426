package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * A test JVM leaves no files behind: its broker's and store's directory (up to 1.5 GB each) is deleted when it exits.
 * Before, every test JVM left one in the system's temporary directory, and repeated builds filled the disk.
 */
class TestInfrastructureTest {

    /** A test JVM in small: starts the infrastructure, prints its directory, exits when told to, as surefire's do. */
    public static void main(String[] args) throws IOException {
        System.out.println("data " + TestInfrastructure.dataDirectory());
        System.in.read();
        System.exit(0);
    }

    @Test
    void a_test_jvm_deletes_its_broker_and_store_files_when_it_exits() throws Exception {
        Process jvm = new ProcessBuilder(ChildService.javaCommand(List.of(), TestInfrastructureTest.class))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            Path data = dataDirectoryOf(jvm);
            assertThat(data.resolve("kafka")).isDirectory();
            assertThat(data.resolve("mongo")).isDirectory();
            try (OutputStream stdin = jvm.getOutputStream()) {
                stdin.write('\n');
            }
            assertThat(jvm.waitFor(60, TimeUnit.SECONDS)).as("the JVM exited").isTrue();
            assertThat(Files.exists(data)).as(data + " deleted").isFalse();
        } finally {
            jvm.destroyForcibly();
        }
    }

    private static Path dataDirectoryOf(Process jvm) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(jvm.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("data ")) {
                Thread drain = new Thread(() -> {
                    try {
                        out.transferTo(Writer.nullWriter());
                    } catch (IOException ended) {
                        // the JVM is gone
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return Path.of(line.substring(5));
            }
        }
        throw new IllegalStateException("the JVM ended without starting its infrastructure");
    }
}
