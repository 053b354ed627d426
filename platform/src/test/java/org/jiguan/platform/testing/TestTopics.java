package org.jiguan.platform.testing;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.RecordsToDelete;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;

/** What an operator (or the broker's retention) does to a topic of the test JVM's broker. */
public final class TestTopics {
    private TestTopics() {
    }

    public static void create(String topic, int partitions, Map<String, String> config) {
        admin(admin -> admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(config)))
                .all());
    }

    /** The topic's effective configuration, defaults included. */
    public static Map<String, String> config(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return admin(admin -> admin.describeConfigs(List.of(resource)).all()).get(resource).entries().stream()
                .filter(entry -> entry.value() != null)
                .collect(Collectors.toMap(ConfigEntry::name, ConfigEntry::value));
    }

    public static void alter(String topic, String name, String value) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        admin(admin -> admin.incrementalAlterConfigs(Map.of(resource,
                List.of(new AlterConfigOp(new ConfigEntry(name, value), AlterConfigOp.OpType.SET)))).all());
    }

    /** As retention does: the partition's records before {@code offset} are gone and its log starts there. */
    public static void deleteRecordsBefore(String topic, int partition, long offset) {
        admin(admin -> admin.deleteRecords(Map.of(new TopicPartition(topic, partition),
                RecordsToDelete.beforeOffset(offset))).all());
    }

    private static <T> T admin(Function<Admin, org.apache.kafka.common.KafkaFuture<T>> call) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafkaBootstrap()))) {
            return call.apply(admin).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
