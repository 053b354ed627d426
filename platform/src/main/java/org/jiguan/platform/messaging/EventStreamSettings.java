package org.jiguan.platform.messaging;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a service publishes its events: {@code jiguan.events.topic} (e.g. {@code organ-events}),
 * {@code jiguan.events.source} ({@code /organ-service}) and {@code jiguan.events.type-prefix}
 * ({@code jiguan.organ.}).
 */
@ConfigurationProperties("jiguan.events")
public record EventStreamSettings(String topic, String source, String typePrefix, Integer partitions,
                                  Duration ackTimeout) {
    public EventStreamSettings {
        partitions = partitions == null ? Topics.DEFAULT_PARTITIONS : partitions;
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(30) : ackTimeout;
    }
}
