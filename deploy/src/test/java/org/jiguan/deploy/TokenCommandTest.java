package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.SignedJWT;
import org.jiguan.deploy.CommandLine.UsageError;
import org.jiguan.deploy.TokenCommand.Request;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenCommandTest {

    @TempDir
    Path repo;

    @Test
    void parsesEveryOption() {
        Request request = TokenCommand.parse(List.of("--sub", "alice", "--roles", "COMMITTEE_OFFICE,organ_office",
                "--committees", "c1,c2", "--organs=o1", "--hours", "3"));

        assertThat(request.subject()).isEqualTo("alice");
        assertThat(request.roles()).containsExactly("COMMITTEE_OFFICE", "ORGAN_OFFICE");
        assertThat(request.committees()).containsExactly("c1", "c2");
        assertThat(request.organs()).containsExactly("o1");
        assertThat(request.validFor()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void defaultsToTwelveHoursAndNoScope() {
        Request request = TokenCommand.parse(List.of("--sub", "bob", "--roles", "OVERSIGHT_VIEWER"));

        assertThat(request.validFor()).isEqualTo(Duration.ofHours(12));
        assertThat(request.committees()).isEmpty();
        assertThat(request.organs()).isEmpty();
    }

    @Test
    void rejectsWhatItCannotUnderstand() {
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--roles", "ADMIN")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--sub");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--roles");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a", "--roles", "KING")))
                .isInstanceOf(UsageError.class).hasMessageContaining("Unknown role KING");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a", "--roles", "ADMIN", "--hours", "0")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--hours");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a", "--roles", "ADMIN", "--hours", "x")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--hours");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a", "--roles", "ADMIN", "--colour", "red")))
                .isInstanceOf(UsageError.class).hasMessageContaining("Unknown argument: --colour");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "--roles", "ADMIN")))
                .isInstanceOf(UsageError.class).hasMessageContaining("--sub needs a value");
        assertThatThrownBy(() -> TokenCommand.parse(List.of("--sub", "a", "--sub", "b", "--roles", "ADMIN")))
                .isInstanceOf(UsageError.class).hasMessageContaining("more than once");
    }

    @Test
    void helpPrintsUsageAndSucceeds() throws IOException {
        Run run = run(List.of("--help"), Map.of());

        assertThat(run.exitCode).isZero();
        assertThat(run.out).contains("Usage: jiguan-local token").contains("--committees");
    }

    @Test
    void badArgumentsExitWithTwoAndUsage() throws IOException {
        Run run = run(List.of("--sub", "alice"), Map.of());

        assertThat(run.exitCode).isEqualTo(2);
        assertThat(run.out).isEmpty();
        assertThat(run.err).contains("--roles is required").contains("Usage:");
    }

    @Test
    void printsATokenCarryingTheClaimsSignedWithTheKeptSecret() throws Exception {
        Path data = repo.resolve("data");
        Run run = run(List.of("--sub", "alice", "--roles", "ORGAN_OFFICE", "--committees", "c1,c2",
                "--organs", "o1", "--hours", "2"), Map.of(StackPaths.DATA_DIR_ENV, data.toString()));

        assertThat(run.exitCode).isZero();
        String secret = Files.readString(data.resolve("jwt-secret")).strip();
        SignedJWT jwt = SignedJWT.parse(run.out.strip());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("alice");
        assertThat(claims.getStringListClaim("roles")).containsExactly("ORGAN_OFFICE");
        assertThat(claims.getStringListClaim("committees")).containsExactly("c1", "c2");
        assertThat(claims.getStringListClaim("organs")).containsExactly("o1");
        assertThat(claims.getExpirationTime().toInstant())
                .isBetween(Instant.now().plus(Duration.ofMinutes(110)), Instant.now().plus(Duration.ofMinutes(121)));
    }

    @Test
    void usesTheSecretFromTheEnvironmentWhenSet() throws Exception {
        String secret = "an-environment-secret-of-at-least-32-bytes";
        Path data = repo.resolve("data");
        Run run = run(List.of("--sub", "root", "--roles", "ADMIN", "--committees", "*"),
                Map.of(DevSecret.ENV, secret, StackPaths.DATA_DIR_ENV, data.toString()));

        assertThat(run.exitCode).isZero();
        SignedJWT jwt = SignedJWT.parse(run.out.strip());
        assertThat(jwt.verify(new MACVerifier(secret.getBytes(StandardCharsets.UTF_8)))).isTrue();
        assertThat(jwt.getJWTClaimsSet().getStringListClaim("committees")).containsExactly("*");
        assertThat(data.resolve("jwt-secret")).doesNotExist();
    }

    private record Run(int exitCode, String out, String err) {
    }

    private Run run(List<String> args, Map<String, String> env) throws IOException {
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Files.createDirectories(repo.resolve("deploy"));
        Files.writeString(repo.resolve("deploy/pom.xml"), "<project/>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TokenCommand.run(args, env, repo, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
