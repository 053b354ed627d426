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
}
