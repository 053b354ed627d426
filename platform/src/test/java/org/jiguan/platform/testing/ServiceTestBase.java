package org.jiguan.platform.testing;

import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service's test base has: the service on a random port, clients for its callers, fresh ids. A
 * service's base adds {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}, its
 * {@code @DynamicPropertySource} (see {@link TestInfrastructure#register}) and its own fixtures.
 */
public abstract class ServiceTestBase {
    @LocalServerPort
    protected int port;

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public ApiClient admin() {
        return ApiClient.admin(baseUrl());
    }

    protected ApiClient committeeOffice(String... committees) {
        return ApiClient.as(baseUrl(), List.of("COMMITTEE_OFFICE"), List.of(committees), List.of());
    }

    protected ApiClient organOffice(String committee, String... organs) {
        return ApiClient.as(baseUrl(), List.of("ORGAN_OFFICE"), List.of(committee), List.of(organs));
    }

    public static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static ApiClient.Response expectStatus(ApiClient.Response response, int status) {
        if (response.status() != status) {
            throw new AssertionError("expected " + status + " but got " + response);
        }
        return response;
    }
}
