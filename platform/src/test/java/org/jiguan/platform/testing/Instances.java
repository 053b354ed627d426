package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jiguan.platform.testing.StoredEvents.StoredEvent;
import org.jiguan.platform.testing.TopicReader.Record;

/**
 * For tests that run one service as several processes on one store and broker ({@code TwoInstancesTest} of each
 * service): starting them together, what the broker says of their consumer group, which one publishes, and what
 * the event stream's contract promises when a publisher was killed.
 */
public final class Instances {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Instances() {
    }

    /** Starts the instances at once; if one fails, those started are stopped. */
    public static List<ChildService> startAll(List<Callable<ChildService>> starts) throws InterruptedException {
        List<CompletableFuture<ChildService>> starting = starts.stream()
                .map(start -> CompletableFuture.supplyAsync(() -> {
                    try {
                        return start.call();
                    } catch (Exception e) {
                        throw new CompletionException(e);
                    }
                })).toList();
        List<ChildService> started = new ArrayList<>();
        RuntimeException failed = null;
        for (CompletableFuture<ChildService> instance : starting) {
            try {
                started.add(instance.join());
            } catch (CompletionException e) {
                failed = new IllegalStateException("an instance did not start", e.getCause());
            }
        }
        if (failed != null) {
            for (ChildService instance : started) {
                instance.close();
            }
            throw failed;
        }
        return started;
    }

    /** The partitions of a topic, or the platform's default when no instance has created it yet. */
    public static int partitionsOf(String topic) {
        try (Admin admin = admin()) {
            return admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        } catch (ExecutionException missing) {
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One key per partition, {@code prefix0}, {@code prefix1}, …, as the producer's partitioner places keys. */
    public static List<String> keysOnEveryPartition(String prefix, int partitions) {
        Map<Integer, String> found = new TreeMap<>();
        for (int i = 0; found.size() < partitions; i++) {
            String key = prefix + i;
            found.putIfAbsent(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions,
                    key);
        }
        return List.copyOf(found.values());
    }

    /** The members of a consumer group as the broker sees them; none while the group is unknown. */
    public static List<MemberDescription> groupMembers(String group) {
        try (Admin admin = admin()) {
            return List.copyOf(admin.describeConsumerGroups(List.of(group)).all().get().get(group).members());
        } catch (ExecutionException unknown) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Waits until the group has {@code members} members, each reading partitions of its own, and checks that
     * together they read every partition of {@code topic} once; returns each member's partitions.
     */
    public static List<List<Integer>> awaitSharedGroup(String group, int members, String topic)
            throws InterruptedException {
        ChildService.waitUntil(() -> {
            List<MemberDescription> now = groupMembers(group);
            return now.size() == members && now.stream().noneMatch(m -> m.assignment().topicPartitions().isEmpty());
        }, Duration.ofSeconds(60));
        List<List<Integer>> shares = new ArrayList<>();
        Set<TopicPartition> all = new HashSet<>();
        for (MemberDescription member : groupMembers(group)) {
            shares.add(member.assignment().topicPartitions().stream().map(TopicPartition::partition)
                    .sorted().toList());
            for (TopicPartition partition : member.assignment().topicPartitions()) {
                assertThat(all.add(partition)).as("%s read by one member only", partition).isTrue();
            }
        }
        assertThat(all).as("every partition of %s read", topic).hasSize(partitionsOf(topic));
        shares.sort(Comparator.comparing(List::toString));
        return shares;
    }

    /**
     * The instance whose publisher holds the log's token: it reports {@code jiguan_publisher_lag_commits}, the
     * others NaN (standing by).
     */
    public static ChildService publisher(List<ChildService> instances) throws InterruptedException {
        ChildService[] found = new ChildService[1];
        ChildService.waitUntil(() -> {
            for (ChildService instance : instances) {
                List<Double> lag = metric(instance, "jiguan_publisher_lag_commits");
                if (!lag.isEmpty() && !lag.get(0).isNaN()) {
                    found[0] = instance;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(30));
        return found[0];
    }

    /** The values of a metric on the instance's {@code /actuator/prometheus}, one per set of tags. */
    public static List<Double> metric(ChildService instance, String name) {
        String text;
        try {
            text = HTTP.send(HttpRequest.newBuilder(URI.create(instance.baseUrl() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException down) {
            return List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return List.of();
        }
        List<Double> values = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                values.add(Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)));
            }
        }
        return values;
    }

    /** What the instance {@code ChildService.start}ed as {@code name} has logged so far. */
    public static String log(String name) {
        Path log = Path.of("target", name + ".log");
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * What CONTRACT.md "Kafka event stream" promises of a topic whose publisher was killed and taken over: delivery
     * at least once, {@code ce_id} the event's id, per aggregate in sequence order, each sequence in effect exactly
     * once. So: every stored event is on the topic and nothing else is; each record carries its event's subject and
     * sequence; a record that comes again is the same event sent again (same {@code ce_id}), which only the killed
     * publisher's last batch may be, so only events stored before the kill; and each aggregate's records, read as a
     * consumer reads them (dropping a sequence it has seen), are its stored events in sequence order.
     *
     * @param records the topic's records of these events' aggregates, in the order read
     * @return how many records were sent again
     */
    public static int assertPublishedAsStored(List<StoredEvent> stored, List<Record> records,
                                              Set<String> storedBeforeKill) {
        Map<String, StoredEvent> byId = new HashMap<>();
        Map<String, List<Long>> storedSequences = new TreeMap<>();
        for (StoredEvent e : stored) {
            byId.put(e.id(), e);
            storedSequences.computeIfAbsent(e.aggregateId(), k -> new ArrayList<>()).add(e.sequence());
        }
        storedSequences.values().forEach(sequences -> sequences.sort(Long::compare));
        Set<String> seen = new HashSet<>();
        Map<String, List<Long>> applied = new LinkedHashMap<>();
        int resent = 0;
        for (Record r : records) {
            String id = r.header("ce_id");
            StoredEvent event = byId.get(id);
            assertThat(event).as("record %s was stored", id).isNotNull();
            assertThat(r.key()).isEqualTo(event.aggregateId()).isEqualTo(r.header("ce_subject"));
            assertThat(Long.parseLong(r.header("ce_sequence"))).isEqualTo(event.sequence());
            if (!seen.add(id)) {
                resent++;
                assertThat(storedBeforeKill).as("only the killed publisher's last batch comes again: %s", id)
                        .contains(id);
            }
            List<Long> sequences = applied.computeIfAbsent(r.key(), k -> new ArrayList<>());
            if (sequences.isEmpty() || event.sequence() > sequences.get(sequences.size() - 1)) {
                sequences.add(event.sequence());
            }
        }
        assertThat(seen).as("every stored event on the topic, nothing else").isEqualTo(byId.keySet());
        assertThat(new TreeMap<>(applied)).as("each aggregate's stream, repeats dropped by sequence")
                .isEqualTo(storedSequences);
        return resent;
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()));
    }
}
