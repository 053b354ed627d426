package org.jiguan.deploy;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jiguan.deploy.CommandLine.UsageError;
import org.jiguan.platform.security.DevTokens;

/**
 * {@code jiguan-local token --sub alice --roles COMMITTEE_OFFICE --committees c1,c2 [--organs o1] [--hours 12]}:
 * prints a development token signed with the local stack's secret, so it is accepted by the running services.
 * Only the token goes to standard output, so {@code TOKEN=$(deploy/local/token ...)} works.
 */
final class TokenCommand {
    static final Set<String> ROLES = Set.of("ADMIN", "COMMITTEE_OFFICE", "ORGAN_OFFICE", "OVERSIGHT_VIEWER");
    static final int DEFAULT_HOURS = 12;
    private static final Set<String> OPTIONS = Set.of("--sub", "--roles", "--committees", "--organs", "--hours");

    static final String USAGE = """
            Usage: jiguan-local token --sub <subject> --roles <role,...> [--committees <id,...>] [--organs <id,...>] [--hours <n>]

            Prints a development JWT (HS256) signed with the local stack's secret
            (JIGUAN_JWT_SECRET, or the one kept in <data dir>/jwt-secret).

              --sub         the caller's id (claim "sub"), required
              --roles       any of ADMIN, COMMITTEE_OFFICE, ORGAN_OFFICE, OVERSIGHT_VIEWER, comma-separated, required
              --committees  committee ids the caller may act on or see, comma-separated; "*" for all
              --organs      narrows an ORGAN_OFFICE caller to these organs, comma-separated
              --hours       validity in hours (default 12)
              --help        this text

            Example:
              deploy/local/token --sub alice --roles COMMITTEE_OFFICE --committees c1,c2
            """;

    /** A token to mint, as asked for on the command line. */
    record Request(String subject, List<String> roles, List<String> committees, List<String> organs, Duration validFor) {
    }

    private TokenCommand() {
    }

    /** Accepts {@code --name value} and {@code --name=value}; an option may appear once. */
    static Request parse(List<String> args) {
        Map<String, String> values = CommandLine.parse(args, OPTIONS, Set.of());
        String subject = values.getOrDefault("--sub", "").strip();
        if (subject.isEmpty()) {
            throw new UsageError("--sub is required");
        }
        List<String> roles = roles(values.get("--roles"));
        return new Request(subject, roles, CommandLine.list(values.get("--committees")),
                CommandLine.list(values.get("--organs")),
                Duration.ofHours(CommandLine.positive("--hours", values.get("--hours"), DEFAULT_HOURS)));
    }

    static String mint(Request request, String secret) {
        return DevTokens.mint(secret, request.subject(), request.roles(), request.committees(), request.organs(),
                request.validFor());
    }

    /** Runs the subcommand; returns the process exit code. */
    static int run(List<String> args, Map<String, String> env, Path workingDir, PrintStream out, PrintStream err) {
        if (CommandLine.wantsHelp(args)) {
            out.print(USAGE);
            return 0;
        }
        try {
            Request request = parse(args);
            StackPaths paths = StackPaths.resolve(env, workingDir);
            DevSecret secret = DevSecret.resolve(env, paths.secretFile());
            if (secret.source() == DevSecret.Source.GENERATED) {
                err.println("Note: generated a new local JWT secret in " + secret.file()
                        + "; restart a running stack so its services use it.");
            }
            out.println(mint(request, secret.value()));
            return 0;
        } catch (UsageError e) {
            err.println("Error: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        } catch (StackException e) {
            err.println("Error: " + e.getMessage());
            return 1;
        }
    }

    private static List<String> roles(String value) {
        List<String> roles = CommandLine.list(value).stream().map(r -> r.toUpperCase(Locale.ROOT)).toList();
        if (roles.isEmpty()) {
            throw new UsageError("--roles is required (any of " + String.join(", ", sorted(ROLES)) + ")");
        }
        for (String role : roles) {
            if (!ROLES.contains(role)) {
                throw new UsageError("Unknown role " + role + " (any of " + String.join(", ", sorted(ROLES)) + ")");
            }
        }
        return roles;
    }

    private static List<String> sorted(Set<String> set) {
        String[] items = set.toArray(String[]::new);
        Arrays.sort(items);
        return List.of(items);
    }
}
