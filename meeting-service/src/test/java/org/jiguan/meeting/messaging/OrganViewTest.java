package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.junit.jupiter.api.Test;

/**
 * meeting-service's view of organs, fed from the real {@code organ-events} topic: the body and status on a
 * date, each event applied once however often it is delivered, and what cannot be applied set aside.
 */
class OrganViewTest extends MeetingServiceTestBase {

    @Test
    void body_and_status_are_those_of_the_date_asked() {
        String committee = uniqueId("prov");
        String organ = organWithBody(committee, "PRINCIPAL", "DEPUTY");
        ORGAN_EVENTS.leaderRemoved(organ, member(organ, 2), "成员2", "DEPUTY", LocalDate.of(2025, 6, 1));
        ORGAN_EVENTS.leaderAppointed(organ, "new-deputy", "新副职", "DEPUTY", LocalDate.of(2025, 6, 1), false);
        ORGAN_EVENTS.organAbolished(organ, LocalDate.of(2026, 1, 1));
        awaitView(organ, 5);

        OrganOnDate before = organBodies.find(organ).orElseThrow().on(LocalDate.of(2025, 5, 31));
        assertThat(before.status()).isEqualTo(OrganStatus.ACTIVE);
        assertThat(before.committeeId()).isEqualTo(committee);
        assertThat(before.members()).extracting(m -> m.memberId())
                .containsExactly(member(organ, 1), member(organ, 2));
        OrganOnDate after = organBodies.find(organ).orElseThrow().on(LocalDate.of(2025, 6, 1));
        assertThat(after.members()).extracting(m -> m.memberId()).containsExactly(member(organ, 1), "new-deputy");
        assertThat(after.members()).extracting(m -> m.role()).containsExactly(LeaderRole.PRINCIPAL, LeaderRole.DEPUTY);
        assertThat(organBodies.find(organ).orElseThrow().on(ESTABLISHED.minusDays(1)).status())
                .isEqualTo(OrganStatus.NOT_YET_ESTABLISHED);
        assertThat(organBodies.find(organ).orElseThrow().on(LocalDate.of(2026, 1, 1)).status())
                .isEqualTo(OrganStatus.ABOLISHED);
    }

    @Test
    void an_event_delivered_again_is_applied_once() {
        String committee = uniqueId("prov");
        String organ = organWithBody(committee, "PRINCIPAL");
        byte[] again = ("{\"organId\":\"" + organ + "\",\"committeeId\":\"" + committee + "\",\"memberId\":\"x\","
                + "\"name\":\"重复\",\"role\":\"DEPUTY\",\"since\":\"2024-05-01\",\"concurrentUpperLevelPost\":false,"
                + "\"approval\":null}").getBytes(StandardCharsets.UTF_8);
        // Sequence 1 is the principal's appointment, already applied: a re-sent record must change nothing.
        ORGAN_EVENTS.raw("LeaderAppointed", organ, 1, UUID.randomUUID().toString(), again);
        ORGAN_EVENTS.leaderAppointed(organ, "m-late", "后任", "DEPUTY", LocalDate.of(2025, 1, 1), false);
        awaitView(organ, 2);

        assertThat(organBodies.find(organ).orElseThrow().tenures()).extracting(t -> t.memberId())
                .containsExactly(member(organ, 1), "m-late");
    }

    @Test
    void an_event_that_cannot_be_applied_is_set_aside_and_can_be_retried() {
        String organ = uniqueId("organ");
        String eventId = UUID.randomUUID().toString();
        // An organ's first event must be its creation; this one can never be applied as it is.
        ORGAN_EVENTS.raw("LeaderAppointed", organ, 0, eventId,
                ("{\"organId\":\"" + organ + "\"}").getBytes(StandardCharsets.UTF_8));

        JsonNode letter = awaitDeadLetter(eventId);
        assertThat(letter.path("consumer").asText()).isEqualTo("organ-view");
        assertThat(letter.path("error").asText()).contains("unknown");
        assertThat(organBodies.find(organ)).isEmpty();

        var retry = admin().post("/api/v1/dead-letters/" + letter.path("id").asText() + "/retry", java.util.Map.of());
        assertThat(retry.status()).isEqualTo(409);
        assertThat(organOffice("x").get("/api/v1/dead-letters").status()).isEqualTo(403);
    }

    @Test
    void an_event_that_overtakes_the_organs_creation_is_held_and_applied_after_it() {
        String committee = uniqueId("prov");
        String organ = uniqueId("organ");
        String eventId = UUID.randomUUID().toString();
        // The appointment (#1) overtakes the organ's creation (#0): it is held, neither dropped nor set aside.
        ORGAN_EVENTS.raw("LeaderAppointed", organ, 1, eventId, ("{\"organId\":\"" + organ + "\",\"committeeId\":\""
                + committee + "\",\"memberId\":\"early\",\"name\":\"先到\",\"role\":\"PRINCIPAL\","
                + "\"since\":\"2025-01-01\",\"concurrentUpperLevelPost\":false}").getBytes(StandardCharsets.UTF_8));
        ORGAN_EVENTS.organCreated(committee, organ, "机关" + organ, ESTABLISHED);

        awaitView(organ, 1);
        assertThat(organBodies.find(organ).orElseThrow().tenures()).extracting(t -> t.memberId())
                .containsExactly("early");
        assertThat(admin().get("/api/v1/dead-letters").body().findValuesAsText("eventId")).doesNotContain(eventId);
    }

    @Test
    void an_appointment_in_a_role_this_service_does_not_know_is_set_aside_and_the_organ_still_meets() {
        String committee = uniqueId("prov");
        String organ = organWithBody(committee, "PRINCIPAL");
        String eventId = UUID.randomUUID().toString();
        ORGAN_EVENTS.raw("LeaderAppointed", organ, 2, eventId, ("{\"organId\":\"" + organ + "\",\"committeeId\":\""
                + committee + "\",\"memberId\":\"x\",\"name\":\"新职务\",\"role\":\"VICE_CHAIR\","
                + "\"since\":\"2025-01-01\",\"concurrentUpperLevelPost\":false}").getBytes(StandardCharsets.UTF_8));

        assertThat(awaitDeadLetter(eventId).path("error").asText()).contains("unknown leadership role VICE_CHAIR");
        assertThat(organBodies.find(organ).orElseThrow().on(LocalDate.of(2025, 6, 1)).members())
                .extracting(m -> m.role()).containsExactly(LeaderRole.PRINCIPAL);
    }

    private JsonNode awaitDeadLetter(String eventId) {
        JsonNode[] found = new JsonNode[1];
        await(() -> {
            for (JsonNode letter : admin().get("/api/v1/dead-letters").body()) {
                if (eventId.equals(letter.path("eventId").asText())) {
                    found[0] = letter;
                    return true;
                }
            }
            return false;
        }, "dead letter " + eventId);
        return found[0];
    }
}
