package org.jiguan.platform.tracing;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The W3C trace context ({@code traceparent}) that follows a command from its HTTP request through the events'
 * metadata and the Kafka headers into the consumers (ARCHITECTURE.md "Observability"). Micrometer Tracing with
 * Brave underneath; nothing is exported, and an unsampled trace is propagated and logged all the same.
 */
public final class Traces {
    /** The W3C header, also the events' metadata key and the Kafka header name. */
    public static final String TRACEPARENT = "traceparent";
    /** Without tracing (a test's own wiring): no {@code traceparent} is made, and work runs as it is. */
    public static final Traces NONE = new Traces(Tracer.NOOP, Propagator.NOOP);

    private final Tracer tracer;
    private final Propagator propagator;

    public Traces(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /**
     * The {@code traceparent} of the span in scope (an HTTP request's), or of a new trace when there is none
     * (a scheduled job); null without tracing.
     */
    public String currentOrNew() {
        Span current = tracer.currentSpan();
        TraceContext context = current != null ? current.context() : tracer.nextSpan().context();
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(context, carrier, Map::put);
        return carrier.get(TRACEPARENT);
    }

    /**
     * Runs {@code work} in a new span that continues {@code traceparent}, or starts a new trace when it is null or
     * unreadable; meanwhile the span's {@code traceId} and {@code spanId} are in the logging MDC.
     */
    public <T> T within(String name, String traceparent, Supplier<T> work) {
        Map<String, String> carrier = traceparent == null ? Map.of() : Map.of(TRACEPARENT, traceparent);
        Span span = propagator.extract(carrier, Map::get).name(name).start();
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } finally {
            span.end();
        }
    }

    /** The trace id in scope, or {@code -} when there is none. */
    public String currentTraceId() {
        Span current = tracer.currentSpan();
        String traceId = current == null ? null : current.context().traceId();
        return traceId == null || traceId.isEmpty() ? "-" : traceId;
    }
}
