package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ChildService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;

/**
 * ISSUE: observability. The domain's metrics on {@code /actuator/prometheus}: commands by type, outcome and the
 * rule that refused them, and the publisher's lag.
 */
// Spring's tests leave metrics out unless asked: its own context, with them.
@AutoConfigureObservability
class MetricsTest extends OrganServiceTestBase {

    @Test
    void commands_are_counted_by_type_outcome_and_rule_and_the_publisher_lag_is_shown() throws Exception {
        double acceptedBefore = sample("jiguan_commands_total", "outcome=\"accepted\",rule=\"none\",type=\"ReportHeadcount\"");
        double refusedBefore = sample("jiguan_commands_total", "outcome=\"refused\",rule=\"R-ORG-6\",type=\"ReportHeadcount\"");
        String organ = createOrgan(provincialCommittee(5), "FUNCTIONAL_DEPARTMENT");
        String headcount = "/api/v1/organs/" + organ + "/headcount";

        expectStatus(admin().post(headcount, Map.of("headcount", 3, "asOf", "2025-01-01")), 204);
        expectStatus(admin().post(headcount, Map.of("headcount", 999, "asOf", "2025-01-01")), 422);

        assertThat(sample("jiguan_commands_total", "outcome=\"accepted\",rule=\"none\",type=\"ReportHeadcount\""))
                .isEqualTo(acceptedBefore + 1);
        assertThat(sample("jiguan_commands_total", "outcome=\"refused\",rule=\"R-ORG-6\",type=\"ReportHeadcount\""))
                .isEqualTo(refusedBefore + 1);
        assertThat(scrape()).contains("\njiguan_publisher_lag_commits ");
        ChildService.waitUntil(() -> sample("jiguan_publisher_lag_commits", "") == 0, Duration.ofSeconds(30));
    }

    /** As Prometheus asks for it (the API client asks for JSON). */
    private String scrape() {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl() + "/actuator/prometheus")).header("Accept", "text/plain").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the metric's line with exactly these labels (none: no braces); 0 when absent. */
    private double sample(String metric, String labels) {
        String line = labels.isEmpty() ? metric : metric + "{" + labels + "}";
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(scrape());
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }
}
