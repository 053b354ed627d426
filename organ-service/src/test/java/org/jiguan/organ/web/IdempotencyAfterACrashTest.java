package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.StoredEvents;
import org.jiguan.platform.web.IdempotencyKeys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CONTRACT.md "Idempotency-Key": a key whose request was accepted is never carried out twice, whatever failed after
 * the events were stored. Each test runs a keyed request to the end on the real store, then leaves its key as an
 * instance that died between storing the command's events and keeping the answer leaves it: {@code PENDING} under
 * the dead request's lease, last renewed long ago (or, for a failure after the events that released the key, no
 * record at all). The retry with the same key takes the key over and runs the request again, but not its command:
 * exactly one set of events, and the answer the first run would have given.
 */
class IdempotencyAfterACrashTest extends OrganServiceTestBase {
    private static final String CALLER = "tester-ADMIN";

    @Autowired
    private MongoDatabase serviceDatabase;

    @Test
    void an_organ_created_before_its_instance_died_is_not_created_again_and_the_retry_names_it() {
        String committee = provincialCommittee(5);
        Map<String, Object> body = organBody(committee, null, "FUNCTIONAL_DEPARTMENT");
        body.remove("organId"); // the server makes the id
        String key = uniqueId("create");
        ApiClient keyed = admin().withHeader("Idempotency-Key", key);

        ApiClient.Response first = expectStatus(keyed.post("/api/v1/organs", body), 201);
        long created = organsCreatedIn(committee);
        diedBeforeKeepingTheAnswer(key);

        ApiClient.Response retry = expectStatus(keyed.post("/api/v1/organs", body), 201);
        assertThat(retry.location()).isEqualTo(first.location());
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(organsCreatedIn(committee)).isEqualTo(created).isEqualTo(1);
    }

    @Test
    void a_headcount_stored_before_its_instance_died_is_not_reported_twice() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        String key = uniqueId("headcount");
        ApiClient keyed = admin().withHeader("Idempotency-Key", key);
        Map<String, Object> body = Map.of("headcount", 7, "asOf", "2025-03-01");

        expectStatus(keyed.post("/api/v1/organs/" + organ + "/headcount", body), 204);
        long events = eventsOf(organ);
        diedBeforeKeepingTheAnswer(key);

        expectStatus(keyed.post("/api/v1/organs/" + organ + "/headcount", body), 204);
        assertThat(eventsOf(organ)).isEqualTo(events);

        // A failure after the events that released the key (a 5xx): the retry claims it afresh, still runs nothing.
        serviceDatabase.getCollection("idempotency_keys").deleteOne(new Document("_id", keyId(key)));
        expectStatus(keyed.post("/api/v1/organs/" + organ + "/headcount", body), 204);
        assertThat(eventsOf(organ)).isEqualTo(events);
    }

    @Test
    void the_same_key_with_another_body_is_still_refused() {
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        ApiClient keyed = admin().withHeader("Idempotency-Key", uniqueId("other"));
        expectStatus(keyed.post("/api/v1/organs/" + organ + "/headcount", Map.of("headcount", 7, "asOf",
                "2025-03-01")), 204);
        ApiClient.Response other = keyed.post("/api/v1/organs/" + organ + "/headcount", Map.of("headcount", 8,
                "asOf", "2025-03-01"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
    }

    /** The key as its request's instance left it when it died: claimed, never answered, renewed long ago. */
    private void diedBeforeKeepingTheAnswer(String key) {
        long changed = serviceDatabase.getCollection("idempotency_keys").updateOne(
                new Document("_id", keyId(key)),
                Updates.combine(Updates.set("state", "PENDING"), Updates.set("lease", "the-dead-request"),
                        Updates.set("touchedAt", Date.from(Instant.now().minus(Duration.ofHours(1)))),
                        Updates.unset("status"), Updates.unset("body"), Updates.unset("location"),
                        Updates.unset("contentType"))).getModifiedCount();
        assertThat(changed).as("the key's record").isEqualTo(1);
    }

    private static String keyId(String key) {
        return IdempotencyKeys.idOf(CALLER, key);
    }

    private long eventsOf(String aggregateId) {
        return StoredEvents.all(serviceDatabase).stream().filter(e -> e.aggregateId().equals(aggregateId)).count();
    }

    private long organsCreatedIn(String committee) {
        return StoredEvents.all(serviceDatabase).stream().filter(e -> e.is("OrganCreated"))
                .filter(e -> e.payload().contains("\"" + committee + "\"")).count();
    }
}
