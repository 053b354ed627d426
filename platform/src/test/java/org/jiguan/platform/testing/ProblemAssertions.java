package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks of the platform's RFC 9457 answers ({@code application/problem+json} with a {@code code}). */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    /** The response is a problem of this status and code, the status repeated in its body. */
    public static void assertProblem(ApiClient.Response r, int status, String code) {
        assertThat(r.status()).as(r.toString()).isEqualTo(status);
        assertThat(r.contentType()).as(r.toString()).startsWith("application/problem+json");
        assertThat(r.code()).as(r.toString()).isEqualTo(code);
        assertThat(r.body().path("status").asInt()).isEqualTo(status);
    }

    /** The response is a 400 VALIDATION whose {@code errors} name {@code field}; returns that error's message. */
    public static String assertInvalidField(ApiClient.Response r, String field) {
        assertProblem(r, 400, "VALIDATION");
        for (var error : r.body().path("errors")) {
            if (error.path("field").asText().equals(field)) {
                return error.path("message").asText();
            }
        }
        throw new AssertionError("no error names " + field + ": " + r);
    }

    /** The response names none of {@code fields} among its errors (it may be a 2xx or another problem). */
    public static void assertFieldAccepted(ApiClient.Response r, String field) {
        assertThat(r.body().path("errors").findValuesAsText("field")).as(r.toString()).doesNotContain(field);
    }
}
