package org.jiguan.deploy.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The repository the tests run in, and the plain reading of its files (YAML with anchors and merge keys, JSON). */
final class Repository {
    static final Path ROOT = findRoot();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Repository() {
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/compose")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No repository root (with deploy/compose and pom.xml) above "
                + Path.of("").toAbsolutePath());
    }

    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String relative) {
        return text(path(relative));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yaml(Path file) {
        return (Map<String, Object>) new Yaml(new SafeConstructor(new LoaderOptions())).load(text(file));
    }

    static Map<String, Object> yaml(String relative) {
        return yaml(path(relative));
    }

    static JsonNode json(String relative) {
        try {
            return JSON.readTree(text(relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first group of the first match, or an error naming what was looked for where. */
    static String find(String pattern, String text, String where) {
        Matcher m = Pattern.compile(pattern, Pattern.MULTILINE).matcher(text);
        if (!m.find()) {
            throw new AssertionError(where + ": nothing matches " + pattern);
        }
        return m.group(1);
    }

    /** The first group of every match. */
    static List<String> findAll(String pattern, String text) {
        return Pattern.compile(pattern, Pattern.MULTILINE).matcher(text).results().map(r -> r.group(1)).toList();
    }

    /** The Kafka version of the broker and of the services' kafka-clients (root pom.xml). */
    static String kafkaVersion() {
        return find("<kafka-broker\\.version>([^<]+)</kafka-broker\\.version>", text("pom.xml"), "pom.xml");
    }

    /** A nested value of a parsed YAML or JSON map, or null. */
    @SuppressWarnings("unchecked")
    static <T> T at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(key);
        }
        return (T) current;
    }

    /** A nested value as text ("null" when absent). */
    static String string(Object node, String... path) {
        Object value = at(node, path);
        return String.valueOf(value);
    }
}
