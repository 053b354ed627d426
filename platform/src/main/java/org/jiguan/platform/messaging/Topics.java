package org.jiguan.platform.messaging;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates a topic with its partition count before a service publishes to it or reads from it. */
final class Topics {
    private static final Logger log = LoggerFactory.getLogger(Topics.class);
    static final int DEFAULT_PARTITIONS = 3;

    private Topics() {
    }

    static void ensure(String bootstrap, String topic, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "default.api.timeout.ms", 15_000,
                "request.timeout.ms", 10_000))) {
            Set<String> existing = admin.listTopics().names().get();
            if (!existing.contains(topic)) {
                admin.createTopics(List.of(new NewTopic(topic, partitions, (short) -1))).all().get();
                log.info("Created topic {} with {} partitions", topic, partitions);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not check topic {}: {}; the broker will create it on first use",
                        topic, e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
