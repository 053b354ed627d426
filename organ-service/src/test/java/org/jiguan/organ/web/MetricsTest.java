package org.jiguan.organ.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.jiguan.platform.testing.Prometheus.sample;

import java.time.Duration;
import java.util.Map;

import org.jiguan.organ.OrganServiceApplication;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.organ.TestRequests;
import org.jiguan.platform.testing.ApiClient;
import org.jiguan.platform.testing.ChildService;
import org.jiguan.platform.testing.Prometheus;
import org.jiguan.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;

/**
 * The domain's metrics on {@code /actuator/prometheus} of organ-service running as its own process (Spring's
 * tests leave metrics out, and the shared test context's instance would be the one publishing): commands by type,
 * outcome and the rule that refused them, and the publisher's lag.
 */
class MetricsTest {
    private static final String ACCEPTED = "outcome=\"accepted\",rule=\"none\",type=\"ReportHeadcount\"";
    private static final String REFUSED = "outcome=\"refused\",rule=\"R-ORG-6\",type=\"ReportHeadcount\"";

    @Test
    void commands_are_counted_by_type_outcome_and_rule_and_the_publisher_lag_is_shown() throws Exception {
        try (ChildService service = ChildService.start(OrganServiceApplication.class, "metrics", ChildService.freePort(),
                TestInfrastructure.mongoUri(), "organ-metrics-test", TestInfrastructure.kafkaBootstrap())) {
            ApiClient admin = ApiClient.admin(service.baseUrl());
            String central = "metrics-central-" + System.nanoTime();
            String committee = "metrics-prov-" + System.nanoTime();
            String organ = committee + "-o1";
            TestRequests.registerCommittees(admin, central, committee, 5);
            TestRequests.created(admin.post("/api/v1/organs", TestRequests.createOrgan(committee, central, organ)));
            String headcount = "/api/v1/organs/" + organ + "/headcount";

            OrganServiceTestBase.expectStatus(admin.post(headcount, Map.of("headcount", 3, "asOf", "2025-01-01")), 204);
            OrganServiceTestBase.expectStatus(admin.post(headcount, Map.of("headcount", 999, "asOf", "2025-01-01")),
                    422);

            String metrics = scrape(service);
            assertThat(sample(metrics, "jiguan_commands_total", ACCEPTED)).isEqualTo(1);
            assertThat(sample(metrics, "jiguan_commands_total", REFUSED)).isEqualTo(1);
            assertThat(sample(metrics, "jiguan_commands_total",
                    "outcome=\"accepted\",rule=\"none\",type=\"CreateOrgan\"")).isEqualTo(1);
            ChildService.waitUntil(() -> sample(scrape(service), "jiguan_publisher_lag_commits",
                    "topic=\"organ-events\"") == 0,
                    Duration.ofSeconds(30));
        }
    }

    private static String scrape(ChildService service) {
        return Prometheus.scrape(service.baseUrl());
    }
}
