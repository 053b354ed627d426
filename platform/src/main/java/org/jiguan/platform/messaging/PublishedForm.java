package org.jiguan.platform.messaging;

/**
 * What a {@link CloudEventPublisher} sends of a stored event: the payload as stored ({@link #WHOLE}), a copy without
 * content its topic must not carry, or nothing. A service declares one as a bean to shape its {@code jiguan.events}
 * topic; the stored event is never changed.
 */
@FunctionalInterface
public interface PublishedForm {
    PublishedForm WHOLE = payload -> payload;

    /** @return the data to publish for this payload, or null to publish no record for it */
    Object of(Object payload);
}
