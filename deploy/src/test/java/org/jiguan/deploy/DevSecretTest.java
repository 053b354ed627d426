package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DevSecretTest {

    @TempDir
    Path data;

    @Test
    void generatesOnceAndKeepsTheSecretAcrossCalls() {
        Path file = data.resolve("jwt-secret");

        DevSecret first = DevSecret.resolve(Map.of(), file);
        DevSecret second = DevSecret.resolve(Map.of(), file);

        assertThat(first.source()).isEqualTo(DevSecret.Source.GENERATED);
        assertThat(second.source()).isEqualTo(DevSecret.Source.FILE);
        assertThat(second.value()).isEqualTo(first.value());
        assertThat(first.value().getBytes(StandardCharsets.UTF_8)).hasSizeGreaterThanOrEqualTo(32);
        assertThat(file).exists();
    }

    @Test
    void theEnvironmentWinsAndNothingIsWritten() {
        Path file = data.resolve("jwt-secret");
        String fromEnv = "x".repeat(40);

        DevSecret secret = DevSecret.resolve(Map.of(DevSecret.ENV, fromEnv), file);

        assertThat(secret.value()).isEqualTo(fromEnv);
        assertThat(secret.source()).isEqualTo(DevSecret.Source.ENVIRONMENT);
        assertThat(file).doesNotExist();
    }

    @Test
    void rejectsASecretTooShortForHs256() throws Exception {
        assertThatThrownBy(() -> DevSecret.resolve(Map.of(DevSecret.ENV, "short"), data.resolve("jwt-secret")))
                .isInstanceOf(StackException.class).hasMessageContaining("at least 32 bytes");

        Files.writeString(data.resolve("jwt-secret"), "short\n");
        assertThatThrownBy(() -> DevSecret.resolve(Map.of(), data.resolve("jwt-secret")))
                .isInstanceOf(StackException.class).hasMessageContaining("at least 32 bytes");
    }
}
