package org.jiguan.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

import org.jiguan.platform.security.DevTokens;

/**
 * The HS256 secret the services validate tokens with: {@code JIGUAN_JWT_SECRET} when set, otherwise a random one
 * generated once and kept in the data directory, so tokens minted earlier still work after a restart.
 * For local development only: production validates OIDC tokens against a JWK set.
 */
record DevSecret(String value, Source source, Path file) {
    static final String ENV = "JIGUAN_JWT_SECRET";

    enum Source { ENVIRONMENT, FILE, GENERATED }

    static DevSecret resolve(Map<String, String> env, Path secretFile) {
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            requireLongEnough(fromEnv, ENV);
            return new DevSecret(fromEnv, Source.ENVIRONMENT, null);
        }
        if (Files.exists(secretFile)) {
            return new DevSecret(read(secretFile), Source.FILE, secretFile);
        }
        return generate(secretFile);
    }

    private static String read(Path file) {
        try {
            String value = Files.readString(file, StandardCharsets.UTF_8).strip();
            requireLongEnough(value, file.toString());
            return value;
        } catch (IOException e) {
            throw new StackException("Cannot read the JWT secret from " + file, e);
        }
    }

    private static DevSecret generate(Path file) {
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, value + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
            restrictToOwner(file);
            return new DevSecret(value, Source.GENERATED, file);
        } catch (FileAlreadyExistsException raced) {
            return new DevSecret(read(file), Source.FILE, file); // another process wrote it first: use theirs
        } catch (IOException e) {
            throw new StackException("Cannot write the JWT secret to " + file, e);
        }
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system (Windows): the file keeps its default permissions.
        }
    }

    private static void requireLongEnough(String secret, String where) {
        if (secret.getBytes(StandardCharsets.UTF_8).length < DevTokens.MIN_SECRET_BYTES) {
            throw new StackException("The JWT secret from " + where + " must be at least "
                    + DevTokens.MIN_SECRET_BYTES + " bytes (HS256)");
        }
    }

    String describe() {
        return switch (source) {
            case ENVIRONMENT -> "from " + ENV;
            case FILE -> "kept in " + file;
            case GENERATED -> "newly generated, kept in " + file;
        };
    }
}
