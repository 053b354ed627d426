package org.jiguan.platform.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One CloudEvent read from Kafka in binary mode (CONTRACT.md "Kafka event stream"): the {@code ce_*} headers
 * and the data as JSON, with where it was read from.
 */
public record ReceivedEvent(String id, String type, String source, String subject, long sequence, Instant time,
                            String topic, int partition, long offset, JsonNode data) {

    /** {@code jiguan.organ.OrganCreated} → {@code OrganCreated}. */
    public String eventName() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    /** Reads a record as a consumer does; throws {@link UnprocessableEvent} for one that is not a CloudEvent of ours. */
    public static ReceivedEvent read(ConsumerRecord<?, byte[]> record, ObjectMapper json) {
        return read(record.topic(), record.partition(), record.offset(), headersOf(record), record.value(), json);
    }

    /** The headers of a record as text, as kept with a dead letter. */
    static Map<String, String> headersOf(ConsumerRecord<?, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        return headers;
    }

    /** Reads a record; one that is not a CloudEvent of ours can never be applied and is dead-lettered. */
    static ReceivedEvent read(String topic, int partition, long offset, Map<String, String> headers, byte[] value,
                              ObjectMapper json) {
        try {
            return new ReceivedEvent(required(headers, "ce_id"), required(headers, "ce_type"),
                    headers.get("ce_source"), required(headers, "ce_subject"),
                    Long.parseLong(required(headers, "ce_sequence")), Instant.parse(required(headers, "ce_time")),
                    topic, partition, offset, json.readTree(value == null ? new byte[0] : value));
        } catch (NumberFormatException | DateTimeParseException | JsonProcessingException e) {
            throw new UnprocessableEvent("not a readable CloudEvent: " + e.getMessage(), e);
        } catch (java.io.IOException e) {
            throw new UnprocessableEvent("unreadable data: " + e.getMessage(), e);
        }
    }

    private static String required(Map<String, String> headers, String name) {
        String value = headers.get(name);
        if (value == null || value.isBlank()) {
            throw new UnprocessableEvent("header " + name + " is missing");
        }
        return value;
    }
}
