package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.organ.TestRequests.created;
import static org.jiguan.platform.testing.ChildService.freePort;

import java.nio.file.Path;
import java.util.Map;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.local.EmbeddedMongo;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the event store is unreachable the service's health is DOWN and a command is answered
 * {@code 503 UNAVAILABLE} problem+json (never a 500, never a 2xx), with or without an Idempotency-Key; once the
 * store is back the same command succeeds.
 */
class StoreOutageTest {

    @Test
    void commands_get_503_while_the_store_is_down_and_succeed_once_it_is_back(@TempDir Path data) throws Exception {
        int mongoPort = freePort();
        EmbeddedMongo mongo = EmbeddedMongo.start(data, mongoPort);
        try (ChildService service = ChildService.start(OrganServiceApplication.class, "store-outage-service", freePort(), mongo.uri(),
                "organ-store-outage-test", TestInfrastructure.kafkaBootstrap())) {
            ApiClient admin = ApiClient.admin(service.baseUrl());
            TestRequests.registerCommittees(admin, "so-central", "so-prov", 10);

            mongo.close();
            ApiClient.Response health = ApiClient.anonymous(service.baseUrl()).get("/actuator/health");
            assertThat(health.status()).as(health.toString()).isEqualTo(503);
            assertThat(health.body().at("/components/eventStore/status").asText()).isEqualTo("DOWN");
            Map<String, Object> organ = TestRequests.createOrgan("so-prov", "so-central", "so-organ");
            unavailable(admin.post("/api/v1/organs", organ));
            unavailable(admin.withHeader("Idempotency-Key", "so-key").post("/api/v1/organs", organ));

            mongo = EmbeddedMongo.start(data, mongoPort);
            created(admin.withHeader("Idempotency-Key", "so-key").post("/api/v1/organs", organ));
        } finally {
            mongo.close();
        }
    }

    private static void unavailable(ApiClient.Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(503);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.code()).isEqualTo("UNAVAILABLE");
    }
}
