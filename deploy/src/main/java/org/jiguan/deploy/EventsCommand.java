package org.jiguan.deploy;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jiguan.deploy.CommandLine.UsageError;

/**
 * {@code jiguan-local events [--topic organ-events] [--from-beginning] [--bootstrap 127.0.0.1:9092] [--max N]}: a
 * small kcat-like reader. Prints each record's partition and offset, key, headers (the CloudEvents attributes) and
 * pretty-printed JSON value, until Ctrl-C or N records. It reads every partition of the topic under a random group
 * id and commits nothing, so it never disturbs the services' consumers.
 */
final class EventsCommand {
    static final String DEFAULT_TOPIC = "organ-events";
    static final String DEFAULT_BOOTSTRAP = "127.0.0.1:" + LocalInfrastructure.KAFKA_PORT;
    private static final Set<String> OPTIONS = Set.of("--topic", "--bootstrap", "--max");
    private static final Set<String> FLAGS = Set.of("--from-beginning");
    private static final Duration BROKER_TIMEOUT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectWriter PRETTY = JSON.writer(new DefaultPrettyPrinter(
            Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));

    static final String USAGE = """
            Usage: jiguan-local events [--topic <name>] [--from-beginning] [--bootstrap <host:port>] [--max <n>]

            Prints the records of a Kafka topic as they arrive: partition/offset, key, every header
            (ce_specversion, ce_id, ce_source, ce_type, ce_time, ce_subject, ce_sequence, content-type)
            and the JSON value, pretty-printed. Runs until Ctrl-C, or until --max records.

              --topic           the topic (default organ-events; also meeting-events, oversight-reminders)
              --from-beginning  start at the oldest record instead of only new ones
              --bootstrap       the broker (default KAFKA_BOOTSTRAP_SERVERS, else 127.0.0.1:9092)
              --max             stop after this many records
              --help            this text

            Example:
              deploy/local/events --from-beginning --max 5
            """;

    /** What to read, as asked for on the command line; {@code max} is 0 for no limit. */
    record Request(String topic, String bootstrap, boolean fromBeginning, long max) {
    }

    private EventsCommand() {
    }

    static Request parse(List<String> args, Map<String, String> env) {
        Map<String, String> values = CommandLine.parse(args, OPTIONS, FLAGS);
        String topic = values.getOrDefault("--topic", DEFAULT_TOPIC).strip();
        if (topic.isEmpty()) {
            throw new UsageError("--topic needs a value");
        }
        String bootstrap = values.get("--bootstrap");
        if (bootstrap == null) {
            String fromEnv = env.get(LocalInfrastructure.KAFKA_BOOTSTRAP_SERVERS);
            bootstrap = fromEnv == null || fromEnv.isBlank() ? DEFAULT_BOOTSTRAP : fromEnv;
        }
        if (bootstrap.isBlank()) {
            throw new UsageError("--bootstrap needs a value");
        }
        return new Request(topic, bootstrap.strip(), values.containsKey("--from-beginning"),
                CommandLine.positive("--max", values.get("--max"), 0));
    }

    /** Runs the subcommand against a broker; returns the process exit code. */
    static int run(List<String> args, Map<String, String> env) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        if (CommandLine.wantsHelp(args)) {
            out.print(USAGE);
            return 0;
        }
        Request request;
        try {
            request = parse(args, env);
        } catch (UsageError e) {
            err.println("Error: " + e.getMessage());
            err.println();
            err.print(USAGE);
            return 2;
        }
        try {
            return consume(request, out, err);
        } catch (KafkaException e) {
            err.println("Error: " + e.getMessage() + " (Kafka at " + request.bootstrap()
                    + "; is the stack running? deploy/local/start)");
            return 1;
        }
    }

    private static int consume(Request request, PrintStream out, PrintStream err) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(request),
                new StringDeserializer(), new ByteArrayDeserializer());
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            consumer.wakeup();
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "jiguan-events-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            List<PartitionInfo> partitions = consumer.partitionsFor(request.topic(), BROKER_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                err.println("Error: no topic " + request.topic() + " at " + request.bootstrap());
                return 1;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            if (request.fromBeginning()) {
                consumer.seekToBeginning(assigned);
            } else {
                consumer.seekToEnd(assigned);
            }
            assigned.forEach(consumer::position); // resolve the start now, so nothing produced from here is missed
            String limit = request.max() == 0 ? ""
                    : ", stopping after " + request.max() + (request.max() == 1 ? " record" : " records");
            err.println("Reading " + request.topic() + " (" + assigned.size() + " partitions) at "
                    + request.bootstrap() + (request.fromBeginning() ? " from the beginning" : ", new records only")
                    + limit + "; Ctrl-C stops.");
            long printed = 0;
            while (request.max() == 0 || printed < request.max()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofSeconds(1))) {
                    out.print(format(record));
                    if (request.max() > 0 && ++printed >= request.max()) {
                        break;
                    }
                }
            }
            return 0;
        } catch (WakeupException e) {
            return 0; // Ctrl-C
        } finally {
            consumer.close(Duration.ofSeconds(2));
            out.flush();
            done.countDown();
            if (!Thread.currentThread().equals(hook)) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down
                }
            }
        }
    }

    private static Properties consumerConfig(Request request) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, request.bootstrap());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "jiguan-local-events-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, request.fromBeginning() ? "earliest" : "latest");
        config.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) BROKER_TIMEOUT.toMillis());
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "jiguan-local-events");
        return config;
    }

    /** One record: a heading line, its headers indented, then the value (pretty JSON when it is JSON). */
    static String format(ConsumerRecord<String, byte[]> record) {
        StringBuilder b = new StringBuilder();
        b.append(record.topic()).append('/').append(record.partition()).append('@').append(record.offset())
                .append("  key=").append(record.key()).append('\n');
        for (Header header : record.headers()) {
            b.append("  ").append(header.key()).append('=')
                    .append(header.value() == null ? "" : new String(header.value(), StandardCharsets.UTF_8))
                    .append('\n');
        }
        b.append(value(record.value())).append("\n\n");
        return b.toString();
    }

    private static String value(byte[] bytes) {
        if (bytes == null) {
            return "(null value)";
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        try {
            JsonNode node = JSON.readTree(text);
            return node == null ? text : PRETTY.writeValueAsString(node);
        } catch (IOException e) {
            return text; // not JSON: as it is
        }
    }
}
