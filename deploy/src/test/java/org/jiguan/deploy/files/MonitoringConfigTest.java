package org.jiguan.deploy.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Prometheus scrapes every service where the services serve metrics; Grafana's dashboard shows the agreed metrics. */
class MonitoringConfigTest {
    private static final String DIR = "deploy/compose";
    /** The metrics the dashboard is agreed to show (see deploy/compose/README.md, "Metrics"). */
    private static final List<String> DASHBOARD_METRICS = List.of("jiguan_commands_total", "jiguan_publisher_lag_commits",
            "jiguan_consumer_lag_records", "jiguan_dead_letters", "jiguan_reminders_issued_total",
            "http_server_requests_seconds_count", "jvm_memory_used_bytes");

    @Test
    void prometheusScrapesEveryServiceAtItsPrometheusEndpoint() {
        Map<String, Object> config = Repository.yaml(DIR + "/prometheus/prometheus.yml");
        List<Map<String, Object>> jobs = Repository.at(config, "scrape_configs");
        Map<String, Object> jiguan = jobs.stream().filter(j -> "jiguan".equals(j.get("job_name"))).findFirst().orElseThrow();
        assertThat(jiguan.get("metrics_path")).isEqualTo("/actuator/prometheus");

        Set<String> targets = new TreeSet<>();
        List<Map<String, Object>> statics = Repository.at(jiguan, "static_configs");
        statics.forEach(s -> {
            List<String> hosts = Repository.at(s, "targets");
            targets.addAll(hosts);
            assertThat(hosts).allMatch(t -> t.startsWith(Repository.string(s, "labels", "service") + ":"));
        });
        Set<String> expected = new TreeSet<>();
        for (ServiceSettings s : ServiceSettings.all()) {
            expected.add(s.name() + ":" + s.port(Map.of()));
            assertThat(s.resolve("management.endpoints.web.exposure.include", Map.of()))
                    .as(s.name() + " exposes the endpoint").contains("prometheus");
        }
        assertThat(targets).isEqualTo(expected);
        assertThat(Repository.string(Repository.yaml(DIR + "/docker-compose.yml"), "services", "prometheus", "volumes"))
                .contains("./prometheus/prometheus.yml:/etc/prometheus/prometheus.yml");
    }

    @Test
    void grafanaIsProvisionedWithTheDatasourceAndADashboardOfTheAgreedMetrics() {
        Map<String, Object> datasources = Repository.yaml(DIR + "/grafana/provisioning/datasources/prometheus.yml");
        List<Map<String, Object>> list = Repository.at(datasources, "datasources");
        String uid = Repository.string(list.get(0), "uid");
        assertThat(Repository.string(list.get(0), "url")).isEqualTo("http://prometheus:9090");

        Map<String, Object> providers = Repository.yaml(DIR + "/grafana/provisioning/dashboards/jiguan.yml");
        List<Map<String, Object>> providerList = Repository.at(providers, "providers");
        String path = Repository.string(providerList.get(0), "options", "path");
        assertThat(Repository.string(Repository.yaml(DIR + "/docker-compose.yml"), "services", "grafana", "volumes"))
                .contains("./grafana/dashboards:" + path + ":");

        JsonNode dashboard = Repository.json(DIR + "/grafana/dashboards/jiguan.json");
        List<String> expressions = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
                panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
            }
        });
        for (String metric : DASHBOARD_METRICS) {
            assertThat(expressions).as("a panel shows " + metric).anyMatch(e -> e.contains(metric));
        }
    }
}
