package org.jiguan.meeting.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.ProcessingGroup;
import org.jiguan.platform.messaging.CloudEventPublisher;
import org.jiguan.platform.messaging.EventStreamSettings;
import org.jiguan.platform.messaging.PublishedForm;
import org.jiguan.platform.messaging.UnpublishedEvents;

/**
 * Publishes every meeting-service event as stored, confidential content included, on {@code meeting-records}
 * (R-MEET-15), the access-controlled topic oversight-service alone reads. Its own tracking processor over the event
 * store, with its own token, so it gives the same guarantees as the {@code meeting-events} publisher (nothing
 * published that was not stored, nothing stored left unpublished) and, started on a store that already holds
 * events, publishes those too from the first one.
 */
@ProcessingGroup(MeetingRecordsPublisher.PROCESSING_GROUP)
public class MeetingRecordsPublisher extends CloudEventPublisher {
    public static final String PROCESSING_GROUP = "kafka-records-publisher";

    public MeetingRecordsPublisher(Producer<String, byte[]> producer, ObjectMapper objectMapper,
                                   EventStreamSettings settings, UnpublishedEvents unpublished) {
        super(producer, objectMapper, settings, unpublished, PublishedForm.WHOLE);
    }
}
