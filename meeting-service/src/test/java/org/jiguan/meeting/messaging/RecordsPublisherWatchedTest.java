package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.messaging.EventTopicsHealth;
import org.jiguan.platform.messaging.PublisherHealth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/**
 * The meeting-records publisher (R-MEET-15) is watched as the meeting-events one is: its state in the publisher's
 * health, its lag as a metric, and its topic's retention in the topics' health.
 */
class RecordsPublisherWatchedTest extends MeetingServiceTestBase {
    @Autowired
    PublisherHealth publisherHealth;
    @Autowired
    EventTopicsHealth eventTopicsHealth;
    @Autowired
    MeterRegistry meters;
    @Value("${jiguan.events.topic:meeting-events}")
    String eventsTopic;
    @Value("${jiguan.meeting.records-topic:meeting-records}")
    String recordsTopic;

    @Test
    void the_records_publisher_has_its_health_its_lag_and_its_topics_retention_checked() {
        assertThat(publisherHealth.health().getDetails().get("topics")).as("publishers in the health")
                .isInstanceOfSatisfying(Map.class, topics -> assertThat(topics).containsKeys(eventsTopic, recordsTopic));
        assertThat(meters.find("jiguan.publisher.lag").tag("topic", recordsTopic).gauge()).as("its lag").isNotNull();
        assertThat(meters.find("jiguan.publisher.lag").tag("topic", eventsTopic).gauge()).isNotNull();
        assertThat(eventTopicsHealth.health().getDetails().get("topics")).as("topics whose retention is checked")
                .asString().contains(recordsTopic);
    }
}
