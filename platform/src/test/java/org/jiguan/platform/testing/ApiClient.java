package org.jiguan.platform.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.jiguan.platform.security.DevTokens;

/** A small HTTP client for tests: real requests over TCP with a bearer token minted for the given roles. */
public final class ApiClient {
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule()).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    private ApiClient(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    public static ApiClient anonymous(String baseUrl) {
        return new ApiClient(baseUrl, null, Map.of());
    }

    public static ApiClient admin(String baseUrl) {
        return as(baseUrl, List.of("ADMIN"), List.of("*"), List.of());
    }

    public static ApiClient as(String baseUrl, List<String> roles, List<String> committees, List<String> organs) {
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, "tester-" + String.join("-", roles), roles,
                committees, organs, Duration.ofHours(1));
        return new ApiClient(baseUrl, token, Map.of());
    }

    /**
     * An administrator of its own: a caller ({@code sub}) of the given name, as each of a benchmark's clients is a
     * system of its own, with its own request budget (CONTRACT.md "Rate limit").
     */
    public static ApiClient adminCalled(String baseUrl, String caller) {
        String token = DevTokens.mint(TestInfrastructure.JWT_SECRET, caller, List.of("ADMIN"), List.of("*"),
                List.of(), Duration.ofHours(1));
        return new ApiClient(baseUrl, token, Map.of());
    }

    public ApiClient withToken(String rawToken) {
        return new ApiClient(baseUrl, rawToken, headers);
    }

    public ApiClient withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiClient(baseUrl, token, more);
    }

    public Response post(String path, Object body) {
        String json = body instanceof String s ? s : write(body);
        return send(request(path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Sends the body without a Content-Length, chunked, as a client streaming it would. */
    public Response postChunked(String path, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return send(request(path).POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /**
     * GETs a path, receives the whole answer and returns its status without parsing the body: for the benchmarks'
     * readers, whose parsing of a large answer would otherwise take CPU from the service they measure.
     */
    public int getStatus(String path) {
        return exchange(request(path).GET(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        headers.forEach(b::header);
        return b;
    }

    private static Response send(HttpRequest.Builder request) {
        HttpResponse<String> r = exchange(request, HttpResponse.BodyHandlers.ofString());
        boolean json = r.headers().firstValue("Content-Type").map(t -> t.contains("json")).orElse(true);
        JsonNode body;
        try {
            body = r.body() == null || r.body().isBlank() || !json ? JSON.nullNode() : JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return new Response(r.statusCode(), body, r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Content-Type").orElse(null), r.body(),
                r.headers().firstValue("Retry-After").orElse(null));
    }

    private static <T> HttpResponse<T> exchange(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, JsonNode body, String location, String contentType, String raw,
                           String retryAfter) {
        public String code() {
            return body.path("code").asText(null);
        }

        @Override
        public String toString() {
            return status + " " + raw;
        }
    }
}
