package org.jiguan.platform.json;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.module.paramnames.ParameterNamesModule;

/**
 * The JSON of events: Jackson 2, as Axon Framework 4's {@code JacksonSerializer} needs it. It writes the payloads,
 * metadata and snapshots in the event store, the tracking tokens, and the CloudEvents on Kafka, and reads them
 * back (consumers, dead letters, oversight's histories). HTTP bodies are Jackson 3 (Spring Boot's), see
 * {@link JsonConfiguration}.
 * <p>
 * Configured exactly as Spring Boot 3.5 configured its Jackson 2 {@code ObjectMapper}, which wrote every event
 * stored before Spring Boot 4 ({@code StoredEventCompatibilityTest} reads such a store and checks this mapper
 * writes the same text): the JDK 8, Java time and parameter-names modules; dates and durations as ISO-8601 text;
 * unknown properties ignored; properties without a view included.
 */
public final class EventJson {
    private EventJson() {
    }

    public static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .addModule(new ParameterNamesModule(JsonCreator.Mode.DEFAULT))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(MapperFeature.DEFAULT_VIEW_INCLUSION)
                .build();
    }
}
