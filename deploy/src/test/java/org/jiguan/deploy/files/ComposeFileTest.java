package org.jiguan.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * deploy/compose/docker-compose.yml, read as data: every service's environment against what the services read, the
 * replica set, the brokers and the topics against the platform, health checks and start order. Docker cannot run here;
 * {@code docker compose config} (or Debian's docker-compose) is run when it is installed.
 */
class ComposeFileTest {
    private static final String DIR = "deploy/compose";
    private static final Map<String, Object> COMPOSE = Repository.yaml(DIR + "/docker-compose.yml");
    private static final List<ServiceSettings> SERVICES = ServiceSettings.all();

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() {
        return (Map<String, Map<String, Object>>) COMPOSE.get("services");
    }

    private static Map<String, Object> service(String name) {
        Map<String, Object> service = services().get(name);
        assertThat(service).as("compose service " + name).isNotNull();
        return service;
    }

    /** A service's environment, whether written as a map or as KEY=value entries. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object raw = service.get("environment");
        if (raw instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (raw instanceof List<?> list) {
            list.forEach(entry -> {
                String[] kv = String.valueOf(entry).split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        }
        return env;
    }

    private static boolean isOneShot(Map<String, Object> service) {
        return "no".equals(String.valueOf(service.get("restart")));
    }

    private static List<String> hosts(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(h -> h.substring(0, h.indexOf(':'))).toList();
    }

    @Test
    void everyServiceModuleRunsFromItsJarOnAnEclipseTemurin17Jre() {
        for (ServiceSettings s : SERVICES) {
            Map<String, Object> build = Repository.at(service(s.name()), "build");
            Path context = Repository.path(DIR).resolve(String.valueOf(build.get("context"))).normalize();
            assertThat(context).as(s.name() + " build context").isEqualTo(Repository.path(s.name()));
            assertThat(Repository.string(build, "args", "MODULE")).isEqualTo(s.name());
            String finalName = Repository.find("<finalName>([^<]+)</finalName>",
                    Repository.text(s.name() + "/pom.xml"), s.name() + "/pom.xml");
            assertThat(finalName).as("the jar target/${MODULE}.jar the Dockerfile copies").isEqualTo(s.name());

            Path dockerfile = context.resolve(String.valueOf(build.get("dockerfile"))).normalize();
            String text = Repository.text(dockerfile);
            assertThat(Repository.find("^ARG JRE_IMAGE=(\\S+)", text, dockerfile.toString()))
                    .matches("eclipse-temurin:17[^:]*-jre[^:]*");
            assertThat(text).contains("FROM ${JRE_IMAGE}").contains("COPY target/${MODULE}.jar ");
        }
    }

    @Test
    void eachServiceIsGivenOnlyWhatItReadsAndEverythingItRequires() {
        for (ServiceSettings s : SERVICES) {
            Set<String> names = environment(service(s.name())).keySet();
            assertThat(names.stream().filter(n -> !s.reads(n)).toList())
                    .as(s.name() + ": environment variables no source of the service reads").isEmpty();
            assertThat(names).as(s.name() + ": required variables").containsAll(s.requiredEnvironment());
        }
    }

    @Test
    void tokensAreCheckedAgainstTheRealmsJwkSetIssuerAndAudienceWithNoSharedSecret() {
        String realm = Repository.json(DIR + "/keycloak/jiguan-realm.json").get("realm").asText();
        Map<String, Object> keycloak = service("keycloak");
        assertThat(String.valueOf(keycloak.get("volumes"))).contains("./keycloak/jiguan-realm.json:/opt/keycloak/data/import/");
        for (ServiceSettings s : SERVICES) {
            Map<String, String> env = environment(service(s.name()));
            URI jwks = URI.create(env.get(s.variableOf("jiguan.security.jwk-set-uri")));
            assertThat(jwks.getHost()).as(s.name()).isEqualTo("keycloak");
            assertThat(jwks.getPath()).isEqualTo("/realms/" + realm + "/protocol/openid-connect/certs");
            assertThat(env).as(s.name() + ": the local stack's HS256 secret has no place here")
                    .doesNotContainKey(s.variableOf("jiguan.security.jwt-secret"));
            assertThat(env.get(s.variableOf("jiguan.security.jwt-issuer"))).as(s.name() + ": Keycloak's public issuer")
                    .isEqualTo(environment(keycloak).get("KC_HOSTNAME") + "/realms/" + realm);
            assertThat(env.get(s.variableOf("jiguan.security.jwt-audience"))).as(s.name() + ": the realm's audience")
                    .isEqualTo("jiguan");
        }
    }

    @Test
    void theStoreIsTheThreeMemberReplicaSetTheInitJobInitiates() {
        String script = Repository.text(DIR + "/mongo/init-replica-set.js");
        String replicaSet = Repository.find("_id: '([^']+)'", script, "init-replica-set.js");
        Set<String> members = new TreeSet<>(Repository.findAll("host: '([^']+)'", script));
        assertThat(members).hasSize(3);
        for (String member : members) {
            List<String> command = Repository.at(service(member.substring(0, member.indexOf(':'))), "command");
            assertThat(command).as(member).containsSequence("--replSet", replicaSet);
        }
        for (ServiceSettings s : SERVICES) {
            String mongodbUri = environment(service(s.name())).get("MONGODB_URI");
            assertThat(mongodbUri).as(s.name() + " MONGODB_URI").isNotNull();
            URI uri = URI.create(mongodbUri);
            assertThat(new TreeSet<>(List.of(uri.getAuthority().split(",")))).as(s.name()).isEqualTo(members);
            assertThat(uri.getQuery()).contains("replicaSet=" + replicaSet)
                    .as("majority reads and writes (docs/ARCHITECTURE.md)").contains("w=majority", "readConcernLevel=majority");
        }
        assertThat(Repository.string(service("mongo-init"), "command")).contains("init-replica-set.js");
    }

    @Test
    void kafkaIsThreeKraftBrokersOfTheServicesKafkaVersion() {
        Map<String, Map<String, String>> brokers = new LinkedHashMap<>();
        services().forEach((name, service) -> {
            Map<String, String> env = environment(service);
            if (env.getOrDefault("KAFKA_PROCESS_ROLES", "").contains("broker")) {
                brokers.put(name, env);
            }
        });
        assertThat(brokers).hasSize(3);
        brokers.forEach((name, env) -> {
            assertThat(String.valueOf(service(name).get("image"))).isEqualTo("apache/kafka:" + Repository.kafkaVersion());
            assertThat(env.get("KAFKA_PROCESS_ROLES")).contains("controller");
            assertThat(hosts(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS").replaceAll("\\d+@", "")))
                    .containsExactlyInAnyOrderElementsOf(brokers.keySet());
            assertThat(env).containsEntry("KAFKA_DEFAULT_REPLICATION_FACTOR", "3")
                    .containsEntry("KAFKA_MIN_INSYNC_REPLICAS", "2")
                    .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false")
                    .containsEntry("KAFKA_ADVERTISED_LISTENERS", "PLAINTEXT://" + name + ":9092");
        });
        for (ServiceSettings s : SERVICES) {
            assertThat(hosts(environment(service(s.name())).get("KAFKA_BOOTSTRAP_SERVERS")))
                    .as(s.name()).containsExactlyInAnyOrderElementsOf(brokers.keySet());
        }
    }

    @Test
    void theEventTopicsAreCreatedUpFrontAsThePermanentLog() {
        Map<String, String> init = environment(service("kafka-init"));
        Set<String> topics = SERVICES.stream().flatMap(s -> s.topics(environment(service(s.name()))).stream())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(new TreeSet<>(List.of(init.get("EVENT_TOPICS").split("\\s+")))).isEqualTo(topics);
        assertThat(Integer.parseInt(init.get("EVENT_TOPIC_PARTITIONS"))).isGreaterThanOrEqualTo(Platform.defaultPartitions());
        assertThat(init).containsEntry("EVENT_TOPIC_REPLICATION_FACTOR", "3");

        Map<String, String> config = Arrays.stream(init.get("EVENT_TOPIC_CONFIG").split(","))
                .map(e -> e.split("=", 2)).collect(Collectors.toMap(e -> e[0], e -> e[1]));
        assertThat(config).containsAllEntriesOf(Platform.permanentLog()).containsEntry("min.insync.replicas", "2");

        String script = Repository.text(DIR + "/kafka/create-topics.sh");
        init.keySet().forEach(variable -> assertThat(script).as("create-topics.sh uses " + variable).contains("$" + variable));
        assertThat(String.valueOf(service("kafka-init").get("entrypoint"))).contains("create-topics.sh");
    }

    @Test
    void everyLongRunningServiceHasAHealthCheckAndStartsOnlyOnceWhatItNeedsIsReady() {
        services().forEach((name, service) -> {
            if (!isOneShot(service)) {
                assertThat((Object) Repository.at(service, "healthcheck", "test")).as(name + " health check").isNotNull();
            }
            Object dependsOn = service.get("depends_on");
            assertThat(dependsOn == null || dependsOn instanceof Map).as(name + ": depends_on with conditions").isTrue();
            if (dependsOn instanceof Map<?, ?> deps) {
                deps.forEach((target, how) -> {
                    String condition = Repository.at(how, "condition");
                    Map<String, Object> needed = service(String.valueOf(target));
                    assertThat(condition).as(name + " -> " + target)
                            .isEqualTo(isOneShot(needed) ? "service_completed_successfully" : "service_healthy");
                });
            }
        });
        for (ServiceSettings s : SERVICES) {
            Map<String, Object> service = service(s.name());
            Map<String, Object> dependsOn = Repository.at(service, "depends_on");
            assertThat(dependsOn.keySet()).as(s.name())
                    .contains("mongo-init", "kafka-init", "keycloak");
            int port = s.port(environment(service));
            assertThat(Repository.string(service, "healthcheck", "test"))
                    .contains("http://localhost:" + port + "/actuator/health/readiness");
            assertThat(String.valueOf(service.get("ports"))).contains(":" + port + ":" + port);
        }
    }

    @Test
    void dockerComposeAcceptsTheFile() throws Exception {
        Optional<List<String>> compose = dockerCompose();
        assumeTrue(compose.isPresent(), "neither `docker compose` nor `docker-compose` is installed: "
                + "the file was only read as YAML (install Debian's docker-compose to run `docker-compose config`)");
        Path output = Files.createTempFile("compose-config", ".txt");
        List<String> command = new ArrayList<>(compose.get());
        command.addAll(List.of("--env-file", ".env.example", "-f", "docker-compose.yml", "config", "-q"));
        Process process = new ProcessBuilder(command).directory(Repository.path(DIR).toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command) + " finished").isTrue();
        assertThat(process.exitValue()).as(Files.readString(output, StandardCharsets.UTF_8)).isZero();
        Files.deleteIfExists(output);
    }

    private static Optional<List<String>> dockerCompose() throws IOException, InterruptedException {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            List<String> version = new ArrayList<>(candidate);
            version.add("version");
            try {
                Process p = new ProcessBuilder(version).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return Optional.of(candidate);
                }
            } catch (IOException notInstalled) {
                // try the next one
            }
        }
        return Optional.empty();
    }
}
