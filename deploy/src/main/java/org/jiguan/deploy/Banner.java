package org.jiguan.deploy;

import java.nio.file.Path;
import java.util.List;

import org.jiguan.deploy.ServiceCatalog.Service;

/** What a developer needs once the stack is up: where everything is, a token, and a first request to try. */
final class Banner {
    private static final String RULE = "=".repeat(100);

    private Banner() {
    }

    static String render(List<Service> services, LocalInfrastructure infra, StackPaths paths, DevSecret secret,
                         String adminToken) {
        StringBuilder b = new StringBuilder();
        b.append('\n').append(RULE).append('\n');
        b.append("  Jiguan local stack is ready (机关 本地开发环境)\n");
        b.append(RULE).append('\n');
        for (Service s : services) {
            b.append("  ").append(s.title()).append("  ").append(s.baseUrl()).append('\n');
            b.append("      Swagger UI : ").append(s.baseUrl()).append("/swagger-ui.html\n");
            b.append("      OpenAPI    : ").append(s.baseUrl()).append("/v3/api-docs\n");
            b.append("      Health     : ").append(s.baseUrl()).append("/actuator/health\n");
        }
        b.append('\n');
        b.append("  Kafka      : ").append(infra.kafkaBootstrap())
                .append(infra.embeddedKafka() ? "  (embedded KRaft broker)" : "").append('\n');
        b.append("      topics : ").append(String.join(", ", services.stream().map(Service::topic).toList())).append('\n');
        b.append("  MongoDB    : ").append(infra.mongoUri())
                .append(infra.embeddedMongo() ? "  (mongo-java-server, H2 file)" : "").append('\n');
        b.append("      databases: ").append(String.join(", ", services.stream().map(Service::name).toList())).append('\n');
        b.append("  Data dir   : ").append(paths.dataDir()).append("  (delete it to start afresh)\n");
        b.append("  JWT secret : ").append(secret.describe()).append("  -- local development only\n");
        b.append('\n');
        b.append("  ADMIN development token (12 h; roles [ADMIN], committees [\"*\"]):\n\n");
        b.append("  export TOKEN=").append(adminToken).append("\n\n");
        services.stream().filter(s -> s.name().equals("oversight-service")).findFirst()
                .ifPresent(oversight -> b.append("  Dashboard (监督总览), signed in with that token:\n      ")
                        .append(oversight.baseUrl()).append("/#token=").append(adminToken)
                        .append("\n  Demo data (a province with its cities and counties, 90+ organs, meetings): "
                                + "deploy/local/demo\n\n"));
        services.stream().filter(s -> s.name().equals("organ-service")).findFirst()
                .ifPresent(organs -> appendExample(b, organs));
        b.append("  Its events on Kafka (CloudEvents headers, JSON value; Ctrl-C stops):\n");
        b.append("      deploy/local/events --from-beginning\n\n");
        b.append("  Other tokens (same secret):\n");
        b.append("      deploy/local/token --sub alice --roles COMMITTEE_OFFICE --committees c1,c2 [--organs o1] [--hours 12]\n");
        b.append("      deploy/local/token --help\n");
        b.append('\n');
        b.append("  Ctrl-C stops everything (data is kept in ").append(shortPath(paths)).append(").\n");
        b.append(RULE).append('\n');
        return b.toString();
    }

    private static void appendExample(StringBuilder b, Service organs) {
        b.append("  Try it: register the central committee (党中央)\n\n");
        b.append("  curl -i -X POST ").append(organs.baseUrl()).append("/api/v1/committees \\\n");
        b.append("    -H \"Authorization: Bearer $TOKEN\" -H 'Content-Type: application/json' \\\n");
        b.append("    -d '{\"committeeId\":\"zhongyang\",\"name\":\"党中央\",\"level\":\"CENTRAL\",\"organQuota\":30}'\n\n");
    }

    private static String shortPath(StackPaths paths) {
        Path data = paths.dataDir();
        return data.startsWith(paths.repoRoot()) ? paths.repoRoot().relativize(data).toString() : data.toString();
    }
}
