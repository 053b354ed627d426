package org.jiguan.platform.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jiguan.platform.eventlog.compat.LedgerService;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * HTTP's Jackson 3 mapper, as a service on the platform has it, writes and reads bodies as Spring Boot 3.5's
 * Jackson 2 did, and writes an event's Jackson 2 tree inside a body as the JSON it holds.
 */
class HttpJsonTest {
    record Answer(String organId, LocalDate establishedOn, Instant recordedAt, String abolishedOn, int quota,
                  JsonNode data) {
    }

    record Request(String name, int quota) {
    }

    @Test
    void bodies_keep_their_json() throws Exception {
        try (ConfigurableApplicationContext service =
                     LedgerService.start(TestInfrastructure.mongoUri(), "http-json-" + System.nanoTime())) {
            JsonMapper http = service.getBean(JsonMapper.class);
            JsonNode data = service.getBean(ObjectMapper.class).readTree("{\"organId\":\"o-1\",\"quota\":[1,2]}");

            // Declaration order, ISO dates, nulls written, the event's data as it came.
            assertThat(http.writeValueAsString(new Answer("o-1", LocalDate.of(2024, 3, 1),
                    Instant.parse("2024-03-01T08:00:00.500Z"), null, 3, data)))
                    .isEqualTo("{\"organId\":\"o-1\",\"establishedOn\":\"2024-03-01\","
                            + "\"recordedAt\":\"2024-03-01T08:00:00.500Z\",\"abolishedOn\":null,\"quota\":3,"
                            + "\"data\":{\"organId\":\"o-1\",\"quota\":[1,2]}}");
            // Unknown properties ignored, a null primitive read as 0.
            assertThat(http.readValue("{\"name\":\"n\",\"quota\":null,\"extra\":1}", Request.class))
                    .isEqualTo(new Request("n", 0));
        }
    }
}
