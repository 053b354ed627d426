package org.jiguan.deploy.files;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a service reads from its environment, taken from the sources rather than from a list kept by hand: the
 * platform's {@code jiguan-platform.properties}, the service's {@code application.yml}, and every {@code @Value} and
 * {@code @ConfigurationProperties} record in the platform's and the service's main sources.
 * <p>
 * An environment variable is read when a property file names it as a placeholder ({@code ${MONGODB_URI}}), or when
 * it is the environment form Spring Boot binds to one of those properties ({@code JIGUAN_EVENTS_PARTITIONS} for
 * {@code jiguan.events.partitions}). It is required when a placeholder names it without a default.
 */
record ServiceSettings(String name, Map<String, String> properties, Map<String, String> codeDefaults) {
    static final String PLATFORM = "platform";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(:[^}]*)?}");
    private static final Pattern VALUE = Pattern.compile("@Value\\(\"\\$\\{([a-zA-Z0-9_.-]+)(?::([^}\"]*))?}\"\\)");
    private static final Pattern PROPERTIES_RECORD = Pattern.compile(
            "@ConfigurationProperties\\(\"([a-z0-9.-]+)\"\\)\\s*public\\s+record\\s+\\w+\\s*\\(([^)]*)\\)");

    /** Every service module of the root pom (a module with an application.yml), with what it reads. */
    static List<ServiceSettings> all() {
        return Repository.findAll("<module>([^<]+)</module>", Repository.text("pom.xml")).stream()
                .filter(module -> Files.isRegularFile(applicationYml(module)))
                .map(ServiceSettings::of)
                .toList();
    }

    static ServiceSettings named(String name) {
        return all().stream().filter(s -> s.name.equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no service module " + name));
    }

    static ServiceSettings of(String module) {
        Map<String, String> properties = new TreeMap<>(platformProperties());
        flatten("", Repository.yaml(applicationYml(module)), properties);
        Map<String, String> codeDefaults = new TreeMap<>();
        Stream.of(PLATFORM, module).forEach(m -> javaSources(m).forEach(source -> readCode(source, codeDefaults)));
        return new ServiceSettings(module, properties, codeDefaults);
    }

    private static Path applicationYml(String module) {
        return Repository.path(module + "/src/main/resources/application.yml");
    }

    private static Map<String, String> platformProperties() {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Repository.text(PLATFORM + "/src/main/resources/jiguan-platform.properties")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new TreeMap<>();
        p.stringPropertyNames().forEach(k -> map.put(k, p.getProperty(k)));
        return map;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Map<String, Object> yaml, Map<String, String> into) {
        yaml.forEach((key, value) -> {
            String name = prefix.isEmpty() ? key : prefix + "." + key;
            if (value instanceof Map<?, ?> nested) {
                flatten(name, (Map<String, Object>) nested, into);
            } else {
                into.put(name, String.valueOf(value).trim());
            }
        });
    }

    private static List<Path> javaSources(String module) {
        try (Stream<Path> files = Files.walk(Repository.path(module + "/src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code @Value("${name:default}")} and the components of {@code @ConfigurationProperties} records. */
    private static void readCode(Path source, Map<String, String> into) {
        String code = Repository.text(source);
        for (Matcher m = VALUE.matcher(code); m.find(); ) {
            into.put(m.group(1), m.group(2));
        }
        for (Matcher m = PROPERTIES_RECORD.matcher(code); m.find(); ) {
            for (String component : m.group(2).replaceAll("<[^>]*>", "").split(",")) {
                String[] words = component.trim().split("\\s+");
                into.putIfAbsent(m.group(1) + "." + kebab(words[words.length - 1]), null);
            }
        }
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The environment variables the property files name, each with whether it has a default. */
    Map<String, Boolean> placeholders() {
        Map<String, Boolean> found = new TreeMap<>();
        properties.values().forEach(value -> {
            for (Matcher m = PLACEHOLDER.matcher(value); m.find(); ) {
                if (m.group(1).equals(m.group(1).toUpperCase(Locale.ROOT))) {
                    found.merge(m.group(1), m.group(2) != null, Boolean::logicalAnd);
                }
            }
        });
        return found;
    }

    /** Environment variables that must be set: placeholders without a default. */
    Set<String> requiredEnvironment() {
        Set<String> required = new TreeSet<>();
        placeholders().forEach((variable, hasDefault) -> {
            if (!hasDefault) {
                required.add(variable);
            }
        });
        return required;
    }

    /** Whether the service reads this environment variable (see the class comment). */
    boolean reads(String variable) {
        return placeholders().containsKey(variable) || propertyNames().stream().anyMatch(p -> bindsTo(p, variable));
    }

    Set<String> propertyNames() {
        Set<String> names = new TreeSet<>(properties.keySet());
        names.addAll(codeDefaults.keySet());
        return names;
    }

    /** Spring Boot's environment forms of a property: dots and dashes to underscores, or dashes dropped. */
    private static boolean bindsTo(String property, String variable) {
        String upper = property.toUpperCase(Locale.ROOT);
        return variable.equals(upper.replace('.', '_').replace('-', '_'))
                || variable.equals(upper.replace("-", "").replace('.', '_'));
    }

    /** The environment variable a property is taken from (e.g. JIGUAN_JWK_SET_URI for jiguan.security.jwk-set-uri). */
    String variableOf(String property) {
        String value = properties.get(property);
        Matcher m = PLACEHOLDER.matcher(value == null ? "" : value);
        if (!m.find()) {
            throw new AssertionError(name + ": " + property + " is not taken from an environment variable");
        }
        return m.group(1);
    }

    /**
     * A property's value for this environment, as Spring would resolve it: the environment first (the variable itself
     * or its bound form), then the property files, then the code's {@code @Value} default; placeholders resolved.
     */
    String resolve(String property, Map<String, String> environment) {
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (bindsTo(property, e.getKey())) {
                return e.getValue();
            }
        }
        String value = properties.containsKey(property) ? properties.get(property) : codeDefaults.get(property);
        return value == null ? null : substitute(value, environment);
    }

    private String substitute(String value, Map<String, String> environment) {
        Matcher m = Pattern.compile("\\$\\{([A-Za-z0-9_.-]+)(?::((?:[^{}]|\\$\\{[^}]*})*))?}").matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String found = environment.containsKey(name) ? environment.get(name) : resolve(name, environment);
            if (found == null) {
                found = m.group(2) == null ? "" : substitute(m.group(2), environment);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(found));
        }
        m.appendTail(out);
        return out.toString();
    }

    int port(Map<String, String> environment) {
        return Integer.parseInt(resolve("server.port", environment));
    }

    String database(Map<String, String> environment) {
        return resolve("jiguan.mongodb.database", environment);
    }

    /**
     * The topics the service reads: those other properties name, and its own ({@code jiguan.events.topic}) when one
     * of its event subscriptions reads that (meeting-service's view of its own meetings).
     */
    Set<String> consumedTopics(Map<String, String> environment) {
        Set<String> topics = topics(environment);
        topics.removeAll(furtherPublishedTopics(environment));
        String own = resolve("jiguan.events.topic", environment);
        boolean readsOwn = javaSources(name).stream().map(Repository::text)
                .anyMatch(code -> code.contains("new EventSubscription(") && code.contains("${jiguan.events.topic"));
        if (!readsOwn) {
            topics.remove(own);
        }
        return topics;
    }

    /**
     * Topics the service publishes besides {@code jiguan.events.topic}: those named by a {@code *.records-topic}
     * property (meeting-service's {@code meeting-records}, R-MEET-15).
     */
    Set<String> furtherPublishedTopics(Map<String, String> environment) {
        Set<String> topics = new TreeSet<>();
        propertyNames().stream().filter(p -> p.endsWith(".records-topic"))
                .map(p -> resolve(p, environment)).filter(t -> t != null && !t.isBlank()).forEach(topics::add);
        return topics;
    }

    /** Every topic the service publishes to or reads: jiguan.events.topic and the properties naming a topic. */
    Set<String> topics(Map<String, String> environment) {
        Set<String> topics = new TreeSet<>();
        propertyNames().stream().filter(p -> p.endsWith("topic"))
                .map(p -> resolve(p, environment)).filter(t -> t != null && !t.isBlank()).forEach(topics::add);
        return topics;
    }
}
