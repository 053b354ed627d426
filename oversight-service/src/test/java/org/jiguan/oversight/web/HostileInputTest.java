package org.jiguan.oversight.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ProblemAssertions;
import org.junit.jupiter.api.Test;

/** Issue 11's reproductions against oversight-service: never a 500 for what a client sent. */
class HostileInputTest extends OversightServiceTestBase {
    @Test
    void an_as_of_date_of_year_999999999_is_400_naming_it() {
        for (String path : new String[] {"/api/v1/annual-reports?asOf=+999999999-12-31",
                "/api/v1/annual-reports?year=2025&asOf=%2B999999999-12-31", "/api/v1/findings?asOf=1900-01-01",
                "/api/v1/organs?asOf=-999999999-01-01"}) {
            ApiClient.Response r = admin().get(path);
            ProblemAssertions.assertProblem(r, 400, "VALIDATION");
            assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).containsExactly("asOf");
        }
    }

    @Test
    void a_known_at_instant_out_of_range_is_400_naming_it() {
        ApiClient.Response r = admin().get("/api/v1/annual-reports?knownAt=%2B999999999-12-31T00:00:00Z");
        ProblemAssertions.assertProblem(r, 400, "VALIDATION");
        assertThat(r.body().path("errors").findValuesAsText("field")).containsExactly("knownAt");
    }
}
