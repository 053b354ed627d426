package org.jiguan.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * deploy/k8s read with fabric8's typed Kubernetes model. Each overlay is rendered with {@code kubectl kustomize} when
 * kubectl is installed (otherwise those tests are skipped, saying so); the base's files, which are plain resources,
 * are always read on their own. Checked: probes, ports, every container's environment against what the service reads,
 * the MongoDB users behind MONGODB_URI, the Strimzi topics against the platform's topic settings, and, for
 * production, autoscaling, disruption budgets, resources and network policies.
 */
class KubernetesManifestsTest {
    private static final Path K8S = Repository.path("deploy/k8s");
    private static final KubernetesSerialization YAML = new KubernetesSerialization();
    private static final List<ServiceSettings> SERVICES = ServiceSettings.all();
    private static final String MONGO_URI_KEY = "connectionString.standard";

    /** One rendered overlay (or the base's files), with the look-ups the checks need. */
    private record Manifests(String name, List<HasMetadata> resources) {
        <T extends HasMetadata> List<T> all(Class<T> type) {
            return resources.stream().filter(type::isInstance).map(type::cast).toList();
        }

        <T extends HasMetadata> T one(Class<T> type, String resourceName) {
            return all(type).stream().filter(r -> r.getMetadata().getName().equals(resourceName)).findFirst()
                    .orElseThrow(() -> new AssertionError(name + ": no " + type.getSimpleName() + " " + resourceName));
        }

        List<GenericKubernetesResource> custom(String kind) {
            return all(GenericKubernetesResource.class).stream().filter(r -> r.getKind().equals(kind)).toList();
        }

        boolean production() {
            return name.equals("production");
        }
    }

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();

    /** The overlay rendered once for all the tests that read it. */
    private static Manifests rendered(String overlay) throws IOException, InterruptedException {
        Manifests cached = RENDERED.get(overlay);
        if (cached == null) {
            cached = render(overlay);
            RENDERED.put(overlay, cached);
        }
        return cached;
    }

    private static Manifests render(String overlay) throws IOException, InterruptedException {
        Path output = Files.createTempFile("kustomize-" + overlay, ".yaml");
        Path errors = Files.createTempFile("kustomize-" + overlay, ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder("kubectl", "kustomize", K8S.resolve("overlays/" + overlay).toString())
                        .redirectOutput(output.toFile()).redirectError(errors.toFile()).start();
            } catch (IOException notInstalled) {
                assumeTrue(false, "kubectl is not installed: overlays/" + overlay + " was not rendered "
                        + "(the base's files are still checked by baseFilesAreValidResourcesOnTheirOwn)");
                throw notInstalled;
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("kubectl kustomize finished").isTrue();
            assertThat(process.exitValue()).as(Files.readString(errors)).isZero();
            return new Manifests(overlay, YAML.unmarshal(Files.readString(output)));
        } finally {
            Files.deleteIfExists(output);
            Files.deleteIfExists(errors);
        }
    }

    private static Manifests baseFiles() {
        List<String> files = Repository.at(Repository.yaml(K8S.resolve("base/kustomization.yaml")), "resources");
        List<HasMetadata> resources = new ArrayList<>();
        for (String file : files) {
            Object parsed = YAML.unmarshal(Repository.text(K8S.resolve("base").resolve(file)));
            if (parsed instanceof List<?> list) {
                list.forEach(r -> resources.add((HasMetadata) r));
            } else {
                resources.add((HasMetadata) parsed);
            }
        }
        return new Manifests("base", resources);
    }

    @Test
    void baseFilesAreValidResourcesOnTheirOwn() {
        Manifests base = baseFiles();
        checkServices(base);
        assertThat(base.custom("KafkaTopic")).extracting(t -> t.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(allTopics());
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void servicesHaveProbesPortsAndTheEnvironmentTheyRead(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        checkServices(manifests);
        for (ServiceSettings s : SERVICES) {
            Map<String, String> env = environment(manifests, container(manifests, s));
            String jwks = env.get(s.variableOf("jiguan.security.jwk-set-uri"));
            String secret = env.get(s.variableOf("jiguan.security.jwt-secret"));
            if (manifests.production()) {
                assertThat(jwks).as(s.name() + ": production checks tokens with the OIDC provider's JWK set").isNotBlank();
                assertThat(URI.create(jwks).getScheme()).isEqualTo("https");
                assertThat(secret).as(s.name() + ": no HS256 secret in production").isNull();
                assertThat(env.get(s.variableOf("jiguan.security.jwt-issuer"))).as(s.name() + ": issuer").startsWith("https://");
                assertThat(env.get(s.variableOf("jiguan.security.jwt-audience"))).as(s.name() + ": audience").isNotBlank();
            } else {
                assertThat(jwks != null || (secret != null && secret.getBytes(StandardCharsets.UTF_8).length >= 32))
                        .as(s.name() + ": a JWK set URI or an HS256 secret of at least 32 bytes").isTrue();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void eachServiceReachesItsOwnDatabaseAsItsOwnMongoUser(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        GenericKubernetesResource mongo = manifests.custom("MongoDBCommunity").get(0);
        assertThat((Object) mongo.get("spec", "type")).isEqualTo("ReplicaSet");
        assertThat((Object) mongo.get("spec", "members")).isEqualTo(manifests.production() ? 3 : 1);
        assertThat(String.valueOf((Object) mongo.get("spec", "security", "authentication", "modes"))).contains("SCRAM");
        assertThat((Map<String, Object>) mongo.get("spec", "additionalConnectionStringConfig"))
                .as("majority reads and writes (docs/ARCHITECTURE.md)")
                .containsEntry("w", "majority").containsEntry("readConcernLevel", "majority");
        List<Map<String, Object>> users = mongo.get("spec", "users");
        for (ServiceSettings s : SERVICES) {
            Container container = container(manifests, s);
            SecretKeySelector uri = container.getEnv().stream().filter(e -> e.getName().equals("MONGODB_URI"))
                    .findFirst().orElseThrow().getValueFrom().getSecretKeyRef();
            assertThat(uri.getKey()).isEqualTo(MONGO_URI_KEY);
            Map<String, Object> user = users.stream()
                    .filter(u -> uri.getName().equals(u.get("connectionStringSecretName"))).findFirst()
                    .orElseThrow(() -> new AssertionError(s.name() + ": no MongoDB user writes " + uri.getName()));
            String database = s.database(environment(manifests, container));
            assertThat(String.valueOf(user.get("roles"))).as(s.name() + " user's roles")
                    .contains("name=readWrite").contains("db=" + database);
            String passwords = Repository.string(user, "passwordSecretRef", "name");
            if (manifests.production()) {
                assertThat(manifests.all(Secret.class)).noneMatch(x -> x.getMetadata().getName().equals(passwords));
                assertThat(Repository.text("deploy/k8s/README.md")).as("the README says how to create " + passwords)
                        .contains("kubectl create secret generic " + passwords);
            } else {
                assertThat(manifests.one(Secret.class, passwords).getData())
                        .containsKey(Repository.string(user, "passwordSecretRef", "key"));
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"local", "production"})
    void theEventTopicsAreThePermanentLogTheServicesNeed(String overlay) throws Exception {
        Manifests manifests = rendered(overlay);
        GenericKubernetesResource kafka = manifests.custom("Kafka").get(0);
        String cluster = kafka.getMetadata().getName();
        assertThat(kafka.getApiVersion()).isEqualTo("kafka.strimzi.io/v1beta2");
        assertThat((Object) kafka.get("spec", "kafka", "version")).isEqualTo(Repository.kafkaVersion());
        int brokers = manifests.custom("KafkaNodePool").stream()
                .filter(p -> cluster.equals(p.getMetadata().getLabels().get("strimzi.io/cluster")))
                .filter(p -> String.valueOf((Object) p.get("spec", "roles")).contains("broker"))
                .mapToInt(p -> (Integer) p.get("spec", "replicas")).sum();
        assertThat(brokers).isEqualTo(manifests.production() ? 3 : 1);
        Map<String, Object> kafkaConfig = kafka.get("spec", "kafka", "config");
        assertThat(kafkaConfig).containsEntry("min.insync.replicas", Math.max(1, brokers - 1))
                .containsEntry("default.replication.factor", brokers).containsEntry("auto.create.topics.enable", false);

        List<GenericKubernetesResource> topics = manifests.custom("KafkaTopic");
        assertThat(topics).extracting(t -> t.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(allTopics());
        for (GenericKubernetesResource topic : topics) {
            String name = topic.getMetadata().getName();
            assertThat(topic.getMetadata().getLabels()).as(name).containsEntry("strimzi.io/cluster", cluster);
            int replicas = topic.get("spec", "replicas");
            assertThat(replicas).as(name + " replicas").isEqualTo(brokers);
            Map<String, Object> config = topic.get("spec", "config");
            Map<String, String> asText = config.entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> String.valueOf(e.getValue())));
            assertThat(asText).as(name).containsAllEntriesOf(Platform.permanentLog())
                    .containsEntry("min.insync.replicas", String.valueOf(Math.max(1, replicas - 1)));
            int partitions = topic.get("spec", "partitions");
            assertThat(partitions).as(name).isGreaterThanOrEqualTo(Platform.defaultPartitions());
            for (ServiceSettings s : SERVICES) {
                if (s.topics(environment(manifests, container(manifests, s))).contains(name)) {
                    assertThat(partitions).as(name + ": a partition for every instance of " + s.name())
                            .isGreaterThanOrEqualTo(maxInstances(manifests, s.name()));
                }
            }
        }
        // The services reach the cluster's one listener, with the security it asks for: plain locally, TLS with
        // SCRAM users in production.
        List<Map<String, Object>> listeners = kafka.get("spec", "kafka", "listeners");
        assertThat(listeners).hasSize(1);
        Map<String, Object> listener = listeners.get(0);
        String bootstrap = cluster + "-kafka-bootstrap:" + listener.get("port");
        boolean tls = Boolean.TRUE.equals(listener.get("tls"));
        Object authentication = listener.get("authentication") instanceof Map<?, ?> a ? a.get("type") : null;
        assertThat(tls && "scram-sha-512".equals(authentication)).as(overlay + ": TLS and SCRAM")
                .isEqualTo(manifests.production());
        for (ServiceSettings s : SERVICES) {
            Map<String, String> env = environment(manifests, container(manifests, s));
            assertThat(env).as(s.name()).containsEntry("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
            String protocol = env.getOrDefault("KAFKA_SECURITY_PROTOCOL", "PLAINTEXT");
            assertThat(protocol).as(s.name()).isEqualTo(tls ? "SASL_SSL" : "PLAINTEXT");
        }
    }

    /**
     * Production: each service authenticates as its own KafkaUser (name, password from the Secret Strimzi writes for
     * it, the cluster CA as truststore), and its ACLs allow what it does and nothing more: write its own topic, read
     * the topics it consumes and its consumer groups (<database>.<subscription>), describe them for the checks.
     */
    @Test
    void productionServicesAreEachTheirOwnKafkaUserWithOnlyTheRightsTheyNeed() throws Exception {
        Manifests production = rendered("production");
        GenericKubernetesResource kafka = production.custom("Kafka").get(0);
        assertThat((Object) kafka.get("spec", "kafka", "authorization", "type")).isEqualTo("simple");
        assertThat((Object) kafka.get("spec", "entityOperator", "userOperator")).isNotNull();
        String cluster = kafka.getMetadata().getName();
        for (ServiceSettings s : SERVICES) {
            Container container = container(production, s);
            Map<String, String> env = environment(production, container);
            assertThat(env).as(s.name()).containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_SASL_USERNAME", s.name())
                    .containsEntry("KAFKA_SSL_TRUSTSTORE_LOCATION", "/etc/kafka-ca/ca.p12");
            assertThat(secretRef(container, "KAFKA_SASL_PASSWORD")).as(s.name()).isEqualTo(s.name() + "/password");
            assertThat(secretRef(container, "KAFKA_SSL_TRUSTSTORE_PASSWORD")).as(s.name())
                    .isEqualTo(cluster + "-cluster-ca-cert/ca.password");
            assertThat(container.getVolumeMounts()).as(s.name())
                    .anyMatch(m -> m.getMountPath().equals("/etc/kafka-ca"));

            GenericKubernetesResource user = production.custom("KafkaUser").stream()
                    .filter(u -> u.getMetadata().getName().equals(s.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no KafkaUser " + s.name()));
            assertThat(user.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", cluster);
            assertThat((Object) user.get("spec", "authentication", "type")).isEqualTo("scram-sha-512");
            Map<String, Set<String>> rights = new TreeMap<>();
            List<Map<String, Object>> acls = user.get("spec", "authorization", "acls");
            for (Map<String, Object> acl : acls) {
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = (Map<String, Object>) acl.get("resource");
                @SuppressWarnings("unchecked")
                List<String> operations = (List<String>) acl.get("operations");
                rights.computeIfAbsent(resource.get("type") + " " + resource.get("name") + " "
                        + resource.get("patternType"), k -> new TreeSet<>()).addAll(operations);
            }
            Set<String> published = new TreeSet<>(s.furtherPublishedTopics(env));
            published.add(s.resolve("jiguan.events.topic", env));
            Set<String> read = s.consumedTopics(env);
            Map<String, Set<String>> expected = new TreeMap<>();
            for (String topic : published) {
                expected.computeIfAbsent("topic " + topic + " literal", k -> new TreeSet<>())
                        .addAll(List.of("Write", "Describe", "DescribeConfigs"));
            }
            for (String topic : read) {
                expected.computeIfAbsent("topic " + topic + " literal", k -> new TreeSet<>())
                        .addAll(List.of("Read", "Describe", "DescribeConfigs"));
            }
            if (!read.isEmpty()) {
                expected.put("group " + s.database(env) + ". prefix", Set.of("Read"));
            }
            assertThat(rights).as(s.name() + " ACLs").isEqualTo(expected);
        }
    }

    /** "secret/key" of an environment variable taken from a Secret. */
    private static String secretRef(Container container, String variable) {
        return container.getEnv().stream().filter(e -> e.getName().equals(variable)).findFirst()
                .map(e -> e.getValueFrom().getSecretKeyRef())
                .map(ref -> ref.getName() + "/" + ref.getKey())
                .orElseThrow(() -> new AssertionError(container.getName() + ": no " + variable + " from a Secret"));
    }

    @Test
    void productionScalesWithinBudgetsResourcesAndNetworkPolicies() throws Exception {
        Manifests production = rendered("production");
        for (ServiceSettings s : SERVICES) {
            Deployment deployment = production.one(Deployment.class, s.name());
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertThat(deployment.getSpec().getReplicas()).as(s.name()).isEqualTo(3);

            HorizontalPodAutoscaler hpa = production.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(s.name())).findFirst()
                    .orElseThrow(() -> new AssertionError("no autoscaler for " + s.name()));
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getMinReplicas()).isEqualTo(3);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());

            assertThat(production.all(PodDisruptionBudget.class)).as(s.name() + " disruption budget")
                    .anyMatch(p -> podLabels.entrySet().containsAll(p.getSpec().getSelector().getMatchLabels().entrySet()));

            List<Container> containers = new ArrayList<>(deployment.getSpec().getTemplate().getSpec().getContainers());
            containers.addAll(deployment.getSpec().getTemplate().getSpec().getInitContainers());
            for (Container c : containers) {
                assertThat(c.getResources().getRequests()).as(s.name() + "/" + c.getName()).containsKeys("cpu", "memory");
                assertThat(c.getResources().getLimits()).as(s.name() + "/" + c.getName()).containsKey("memory");
            }
            assertThat(production.all(NetworkPolicy.class)).as(s.name() + ": a policy admits its HTTP port")
                    .anyMatch(p -> podLabels.entrySet().containsAll(p.getSpec().getPodSelector().getMatchLabels().entrySet())
                            && p.getSpec().getIngress().stream().flatMap(i -> i.getPorts().stream())
                            .anyMatch(port -> port.getPort().equals(new IntOrString("http"))));
        }
        assertThat(production.all(NetworkPolicy.class)).as("a default-deny policy for the namespace")
                .anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                        && isEmpty(p.getSpec().getPodSelector().getMatchExpressions())
                        && p.getSpec().getPolicyTypes().contains("Ingress") && isEmpty(p.getSpec().getIngress()));
    }

    @Test
    void localRunsOneOfEverything() throws Exception {
        Manifests local = rendered("local");
        for (ServiceSettings s : SERVICES) {
            assertThat(local.one(Deployment.class, s.name()).getSpec().getReplicas()).as(s.name()).isEqualTo(1);
        }
        assertThat(local.all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    /** Checks every overlay and the base share: ports, probes, Service, environment read and required, topics waited for. */
    private static void checkServices(Manifests manifests) {
        for (ServiceSettings s : SERVICES) {
            Deployment deployment = manifests.one(Deployment.class, s.name());
            Container container = container(manifests, s);
            Map<String, String> env = environment(manifests, container);
            String where = manifests.name() + "/" + s.name();

            assertThat(env.keySet().stream().filter(n -> !s.reads(n)).toList())
                    .as(where + ": environment variables no source of the service reads").isEmpty();
            assertThat(env.keySet()).as(where + ": required variables").containsAll(s.requiredEnvironment());

            int port = s.port(env);
            ContainerPort http = container.getPorts().stream().filter(p -> "http".equals(p.getName())).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no port named http"));
            assertThat(http.getContainerPort()).as(where + " port").isEqualTo(port);
            assertThat("true".equals(s.resolve("management.endpoint.health.probes.enabled", env)))
                    .as(where + ": /actuator/health/{readiness,liveness} enabled").isTrue();
            checkProbe(where + " readiness", container.getReadinessProbe(), "/actuator/health/readiness", container, port);
            checkProbe(where + " liveness", container.getLivenessProbe(), "/actuator/health/liveness", container, port);

            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertThat(annotations).containsEntry("prometheus.io/path", "/actuator/prometheus")
                    .containsEntry("prometheus.io/port", String.valueOf(port));

            Service service = manifests.one(Service.class, s.name());
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).anyMatch(p -> p.getTargetPort().equals(new IntOrString("http")));

            Container wait = deployment.getSpec().getTemplate().getSpec().getInitContainers().stream()
                    .filter(c -> c.getName().equals("wait-for-topics")).findFirst()
                    .orElseThrow(() -> new AssertionError(where + ": no wait-for-topics init container"));
            assertThat(wait.getImage()).endsWith("-kafka-" + Repository.kafkaVersion());
            String topics = wait.getEnv().stream().filter(e -> e.getName().equals("TOPICS")).map(EnvVar::getValue)
                    .findFirst().orElseThrow();
            assertThat(new TreeSet<>(List.of(topics.split("\\s+")))).as(where + " waits for its topics")
                    .isEqualTo(s.topics(env));
        }
    }

    private static void checkProbe(String what, Probe probe, String path, Container container, int port) {
        assertThat(probe).as(what).isNotNull();
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get.getPath()).as(what).isEqualTo(path);
        IntOrString target = get.getPort();
        int resolved = target.getIntVal() != null ? target.getIntVal() : container.getPorts().stream()
                .filter(p -> target.getStrVal().equals(p.getName())).findFirst().orElseThrow().getContainerPort();
        assertThat(resolved).as(what + " port").isEqualTo(port);
    }

    private static Container container(Manifests manifests, ServiceSettings s) {
        return manifests.one(Deployment.class, s.name()).getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> c.getName().equals(s.name())).findFirst()
                .orElseThrow(() -> new AssertionError(manifests.name() + ": no container " + s.name()));
    }

    /**
     * The container's environment: its own variables (values when given, "" for one taken from a Secret or ConfigMap
     * key) and every key of the ConfigMaps and Secrets it takes whole, where those are part of the manifests.
     */
    private static Map<String, String> environment(Manifests manifests, Container container) {
        Map<String, String> env = new LinkedHashMap<>();
        container.getEnvFrom().forEach(from -> {
            if (from.getConfigMapRef() != null) {
                env.putAll(manifests.one(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
            if (from.getSecretRef() != null) {
                manifests.one(Secret.class, from.getSecretRef().getName()).getData().forEach((k, v) ->
                        env.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
            }
        });
        container.getEnv().forEach(e -> env.put(e.getName(), Objects.requireNonNullElse(e.getValue(), "")));
        return env;
    }

    private static Set<String> allTopics() {
        return SERVICES.stream().flatMap(s -> s.topics(Map.of()).stream()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static int maxInstances(Manifests manifests, String deployment) {
        return manifests.all(HorizontalPodAutoscaler.class).stream()
                .filter(h -> h.getSpec().getScaleTargetRef().getName().equals(deployment))
                .mapToInt(h -> h.getSpec().getMaxReplicas()).findFirst()
                .orElse(manifests.one(Deployment.class, deployment).getSpec().getReplicas());
    }

    private static boolean isEmpty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> m ? m.isEmpty() : ((List<?>) mapOrList).isEmpty());
    }

}
