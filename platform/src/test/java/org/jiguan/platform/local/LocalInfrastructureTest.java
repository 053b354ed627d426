package org.jiguan.platform.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local stack's broker and store keep their data across a restart in the same directory. */
class LocalInfrastructureTest {

    @TempDir
    Path data;

    @Test
    void kafkaKeepsRecordsAcrossRestart() throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0)) {
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    "bootstrap.servers", kafka.bootstrapServers(), "acks", "all"),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("probe", "k", "before-restart")).get();
            }
        }
        try (EmbeddedKafka kafka = EmbeddedKafka.start(data.resolve("kafka"), 0)) {
            assertThat(readAll(kafka.bootstrapServers(), "probe")).containsExactly("before-restart");
        }
    }

    @Test
    void mongoKeepsDocumentsAcrossRestart() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data.resolve("mongo"), 0);
             MongoClient client = MongoClients.create(mongo.uri())) {
            client.getDatabase("probe").getCollection("c").insertOne(new Document("_id", "a").append("v", 1));
        }
        try (EmbeddedMongo mongo = EmbeddedMongo.start(data.resolve("mongo"), 0);
             MongoClient client = MongoClients.create(mongo.uri())) {
            Document found = client.getDatabase("probe").getCollection("c").find(new Document("_id", "a")).first();
            assertThat(found).isNotNull();
            assertThat(found.getInteger("v")).isEqualTo(1);
        }
    }

    private static List<String> readAll(String bootstrap, String topic) {
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                "bootstrap.servers", bootstrap, "group.id", "probe-reader", "auto.offset.reset", "earliest"),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.currentTimeMillis() + 30_000;
            while (values.isEmpty() && System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }
}
