package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service's {@code /actuator/prometheus} as Prometheus reads it, and the value of one of its lines. */
public final class Prometheus {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Prometheus() {
    }

    /** The text exposition of the service at {@code baseUrl}. */
    public static String scrape(String baseUrl) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/prometheus"))
                    .header("Accept", "text/plain").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            return r.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of the metric's line with exactly these labels (none: no braces); NaN when absent. */
    public static double sample(String metrics, String metric, String labels) {
        String line = labels.isEmpty() ? metric : metric + "{" + labels + "}";
        Matcher value = Pattern.compile("(?m)^" + Pattern.quote(line) + " (\\S+)$").matcher(metrics);
        return value.find() ? Double.parseDouble(value.group(1)) : Double.NaN;
    }
}
