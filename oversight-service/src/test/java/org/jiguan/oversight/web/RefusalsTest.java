package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * R-AUD-1 on the oversight side: the refusals organ-service and meeting-service publish are listed by committee,
 * organ and rule, placed under the committee and organ of their target, and shown only within the caller's scope.
 */
class RefusalsTest extends OversightServiceTestBase {

    @Test
    @DisplayName("R-AUD-1 refusals are listed by committee, organ and rule")
    void R_AUD_1_refusals_are_listed_by_committee_organ_and_rule() {
        String suffix = Long.toString(System.nanoTime());
        String committee = "aud-c-" + suffix;
        String organ = "aud-o-" + suffix;
        String meeting = "aud-m-" + suffix;
        FEED.committeeRegistered(committee, 10);
        FEED.organCreated(committee, organ, "审计局", LocalDate.of(2024, 1, 2));
        FEED.meetingConvened(committee, organ, meeting, Instant.parse("2025-03-03T01:00:00Z"), "i1");
        awaitOrganEvents(organ, 1);
        awaitMeetingEvents(meeting, 1);

        String headcount = FEED.organCommandRefused("R-ORG-6", "ReportHeadcount", organ, null, organ,
                LocalDate.of(2025, 3, 1));
        String quota = FEED.organCommandRefused("R-COM-2", "CreateOrgan", "aud-new-" + suffix, committee,
                "aud-new-" + suffix, LocalDate.of(2025, 3, 2));
        String quorum = FEED.meetingCommandRefused("R-MEET-6", "OpenMeeting", meeting, null);
        String unknown = FEED.organCommandRefused("R-ORG-4", "AbolishOrgan", "aud-gone-" + suffix, null, null, null);

        JsonNode all = awaitGet("/api/v1/refusals?committeeId=" + committee,
                r -> r.status() == 200 && r.body().path("total").asInt() == 3).body();
        assertThat(ids(all)).containsExactlyInAnyOrder(headcount, quota, quorum);
        JsonNode byHeadcount = row(all, headcount);
        assertThat(byHeadcount.path("service").asText()).isEqualTo("organ");
        assertThat(byHeadcount.path("rule").asText()).isEqualTo("R-ORG-6");
        assertThat(byHeadcount.path("ruleTitle").asText()).isEqualTo("规则R-ORG-6");
        assertThat(byHeadcount.path("command").asText()).isEqualTo("ReportHeadcount");
        assertThat(byHeadcount.path("committeeId").asText()).as("from the organ's history").isEqualTo(committee);
        assertThat(byHeadcount.path("organId").asText()).isEqualTo(organ);
        assertThat(byHeadcount.path("businessDate").asText()).isEqualTo("2025-03-01");
        assertThat(byHeadcount.path("caller").asText()).isEqualTo("office-1");
        assertThat(byHeadcount.path("refusedAt").asText()).isNotBlank();
        JsonNode byQuorum = row(all, quorum);
        assertThat(byQuorum.path("service").asText()).isEqualTo("meeting");
        assertThat(byQuorum.path("organId").asText()).as("from the meeting's history").isEqualTo(organ);
        assertThat(byQuorum.path("businessDate").isNull()).isTrue();

        assertThat(ids(admin().get("/api/v1/refusals?committeeId=" + committee + "&rule=R-ORG-6").body()))
                .containsExactly(headcount);
        assertThat(ids(admin().get("/api/v1/refusals?organId=" + organ).body()))
                .containsExactlyInAnyOrder(headcount, quorum);
        assertThat(admin().get("/api/v1/refusals?committeeId=" + committee + "&since=2999-01-01").body()
                .path("total").asInt()).isZero();

        // Scope: another committee's viewer sees none; a refusal whose target oversight does not know is ADMIN's.
        assertThat(viewer("aud-other").get("/api/v1/refusals?committeeId=" + committee).body().path("total").asInt())
                .isZero();
        assertThat(ids(viewer(committee).get("/api/v1/refusals").body())).contains(headcount, quota, quorum)
                .doesNotContain(unknown);
        assertThat(ids(admin().get("/api/v1/refusals?rule=R-ORG-4").body())).contains(unknown);
        ApiClient.Response badRule = admin().get("/api/v1/refusals?rule=ORG-6");
        assertThat(badRule.status()).isEqualTo(400);
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("refusalId").asText()));
        return ids;
    }

    private static JsonNode row(JsonNode page, String refusalId) {
        for (JsonNode item : page.path("items")) {
            if (refusalId.equals(item.path("refusalId").asText())) {
                return item;
            }
        }
        throw new AssertionError("no refusal " + refusalId + " in " + page);
    }
}
