package org.jiguan.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jiguan.deploy.CommandLine.UsageError;
import org.jiguan.deploy.EventsCommand.Request;
import org.junit.jupiter.api.Test;

/** The {@code events} subcommand's argument parsing and record layout; no broker involved. */
class EventsCommandTest {

    @Test
    void defaultsToNewOrganEventsOnTheLocalBroker() {
        Request request = EventsCommand.parse(List.of(), Map.of());

        assertThat(request).isEqualTo(new Request("organ-events", "127.0.0.1:9092", false, 0));
    }

    @Test
    void parsesEveryOption() {
        Request request = EventsCommand.parse(List.of("--topic", "meeting-events", "--from-beginning",
                "--bootstrap=localhost:19092", "--max", "5"), Map.of());

        assertThat(request).isEqualTo(new Request("meeting-events", "localhost:19092", true, 5));
    }

    @Test
    void takesTheBrokerFromTheEnvironmentUnlessGiven() {
        Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092");

        assertThat(EventsCommand.parse(List.of(), env).bootstrap()).isEqualTo("kafka:9092");
        assertThat(EventsCommand.parse(List.of("--bootstrap", "b:1"), env).bootstrap()).isEqualTo("b:1");
    }

    @Test
    void rejectsWhatItCannotUnderstand() {
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--max", "0"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("--max must be a positive whole number");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--max", "ten"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("--max");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--topic"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("--topic needs a value");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--topic", "--from-beginning"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("--topic needs a value");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--from-beginning=yes"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("--from-beginning takes no value");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("--from-beginning", "--from-beginning"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("more than once");
        assertThatThrownBy(() -> EventsCommand.parse(List.of("-C"), Map.of()))
                .isInstanceOf(UsageError.class).hasMessageContaining("Unknown argument: -C");
    }

    @Test
    void printsPartitionOffsetKeyHeadersAndPrettyJson() {
        ConsumerRecord<String, byte[]> record = new ConsumerRecord<>("organ-events", 2, 7, "zhejiang",
                "{\"committeeId\":\"zhejiang\",\"name\":\"浙江省委\"}".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_type", "jiguan.organ.CommitteeRegistered".getBytes(StandardCharsets.UTF_8));
        record.headers().add("ce_sequence", "0".getBytes(StandardCharsets.UTF_8));

        assertThat(EventsCommand.format(record)).isEqualTo("""
                organ-events/2@7  key=zhejiang
                  ce_type=jiguan.organ.CommitteeRegistered
                  ce_sequence=0
                {
                  "committeeId": "zhejiang",
                  "name": "浙江省委"
                }

                """);
    }
}
