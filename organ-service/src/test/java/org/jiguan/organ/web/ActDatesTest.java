package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ActDates;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.OpenApiBounds;
import org.jiguan.platform.time.BusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * CONTRACT.md "Limits": the date of an act lies at most today in Beijing on the service's clock, else 400
 * VALIDATION naming the field, before any rule, scope or existence check; a date that may lie ahead (a due date, a
 * deadline) up to today + 10 years. Each row is named after the rule that refused such an act as a 422 before
 * (DOMAIN.md "Time"); the target ids need not exist, since the body is read first.
 */
class ActDatesTest extends OrganServiceTestBase {
    private static final String ORGAN = "/api/v1/organs/nope";

    @Autowired
    private Clock clock;


    static Stream<Arguments> acts() {
        return Stream.of(
                ActDates.act("R-ORG-2 approval dated in the future", "/api/v1/organs", "approval.approvedOn",
                        d -> Map.of("approval", Map.of("approvedOn", d))),
                ActDates.act("establishment in the future (no rule refused it before)", "/api/v1/organs", "establishedOn",
                        d -> Map.of("establishedOn", d)),
                ActDates.act("R-ORG-4 abolition dated in the future", ORGAN + "/abolition", "abolishedOn",
                        d -> Map.of("abolishedOn", d)),
                ActDates.act("R-ORG-4 merger dated in the future", ORGAN + "/mergers", "mergedOn", d -> Map.of("mergedOn", d)),
                ActDates.act("organ change in the future (no rule refused it before)", ORGAN + "/changes", "changedOn", d -> Map.of("changedOn", d)),
                ActDates.act("R-ORG-5 internal bodies merged in the future", ORGAN + "/internal-bodies/b1/mergers", "on",
                        d -> Map.of("on", d)),
                ActDates.act("R-ORG-5 internal body approval dated in the future", ORGAN + "/internal-bodies",
                        "approval.approvedOn", d -> Map.of("approval", Map.of("approvedOn", d))),
                ActDates.act("R-ORG-5 internal body changed in the future", ORGAN + "/internal-bodies/b1/changes", "on",
                        d -> Map.of("on", d)),
                ActDates.act("R-LEAD-5 leader's approval dated in the future", ORGAN + "/leaders", "approval.approvedOn",
                        d -> Map.of("approval", Map.of("approvedOn", d))),
                ActDates.act("R-ORG-6 headcount as of a future date", ORGAN + "/headcount", "asOf", d -> Map.of("asOf", d)),
                ActDates.act("leader appointed in the future (no rule refused it before)", ORGAN + "/leaders", "since", d -> Map.of("since", d)),
                ActDates.act("leader removed in the future (no rule refused it before)", ORGAN + "/leaders/m1/removal", "on", d -> Map.of("on", d)),
                ActDates.act("R-SUP-1 annual report filed in the future", ORGAN + "/annual-reports", "filedOn",
                        d -> Map.of("filedOn", d)),
                ActDates.act("R-DOC-1 signing mandate granted in the future", ORGAN + "/annual-reports",
                        "signingMandate.grantedOn", d -> Map.of("signingMandate", Map.of("grantedOn", d))),
                ActDates.act("R-SUP-3 special report filed in the future", ORGAN + "/special-reports", "filedOn",
                        d -> Map.of("filedOn", d)),
                ActDates.act("R-SUP-4 finding recorded in the future", ORGAN + "/findings", "recordedOn",
                        d -> Map.of("recordedOn", d)),
                ActDates.act("R-SUP-4 rectification reported in the future", ORGAN + "/findings/f1/rectifications",
                        "reportedOn", d -> Map.of("reportedOn", d)),
                ActDates.act("R-SUP-5 integrity statement filed in the future", ORGAN + "/integrity-statements", "filedOn",
                        d -> Map.of("filedOn", d)),
                ActDates.act("R-SUP-5 personal-matters report filed in the future", ORGAN + "/personal-matters-reports",
                        "filedOn", d -> Map.of("filedOn", d)),
                ActDates.act("R-SUP-3 special report requested in the future", "/api/v1/committees/c1/special-report-requests",
                        "requestedOn", d -> Map.of("requestedOn", d)),
                ActDates.act("R-SUP-6 assessment dated in the future", ORGAN + "/assessments", "assessedOn",
                        d -> Map.of("assessedOn", d)),
                ActDates.act("R-SUP-7 accountability decided in the future", ORGAN + "/accountability", "decidedOn",
                        d -> Map.of("decidedOn", d)));
    }


    @ParameterizedTest(name = "{0}")
    @MethodSource("acts")
    void an_act_dated_after_today_is_a_400_naming_the_field_and_today_is_accepted(ActDates act) {
        LocalDate today = BusinessCalendar.today(clock);
        assertThat(act.assertRefusedAfter(admin(), today.plusDays(1).toString(), today.toString()))
                .contains("today (" + today + ")");
    }


    @Test
    void R_SUP_3_and_R_SUP_4_due_dates_and_deadlines_may_lie_ahead_up_to_ten_years() {
        LocalDate horizon = BusinessCalendar.today(clock).plusYears(10);
        for (String[] ahead : new String[][]{{"/api/v1/committees/c1/special-report-requests", "dueOn"},
                {ORGAN + "/special-reports", "dueOn"}, {ORGAN + "/findings", "rectifyBy"}}) {
            new ActDates("ahead", ahead[0], ahead[1], d -> Map.of(ahead[1], d))
                    .assertRefusedAfter(admin(), horizon.plusDays(1).toString(), horizon.toString());
        }
    }

    @Test
    void the_openapi_document_states_which_dates_are_past_only_and_which_may_lie_ahead() {
        JsonNode docs = expectStatus(ApiClient.anonymous(baseUrl()).get("/v3/api-docs"), 200).body();
        assertThat(OpenApiBounds.property(docs, "CreateOrganBody", "establishedOn").path("x-latest").asText())
                .isEqualTo("today (Beijing)");
        assertThat(OpenApiBounds.property(docs, "FindingBody", "rectifyBy").path("x-latest").asText())
                .isEqualTo("today + 10 years (Beijing)");
        assertThat(OpenApiBounds.property(docs, "FindingBody", "recordedOn").path("x-latest").asText())
                .isEqualTo("today (Beijing)");
    }
}
