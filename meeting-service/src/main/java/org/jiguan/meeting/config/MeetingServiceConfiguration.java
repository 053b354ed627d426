package org.jiguan.meeting.config;

import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.apache.kafka.clients.producer.Producer;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.modelling.command.Repository;
import org.jiguan.meeting.domain.Decision;
import org.jiguan.meeting.domain.Meeting;
import org.jiguan.meeting.domain.MeetingDecisions;
import org.jiguan.meeting.messaging.CommitteeParents;
import org.jiguan.meeting.messaging.ConfidentialContent;
import org.jiguan.meeting.messaging.MeetingRecordsPublisher;
import org.jiguan.meeting.messaging.OrganAffairsMeetings;
import org.jiguan.meeting.messaging.OrganBodies;
import org.jiguan.platform.messaging.EventStreamSettings;
import org.jiguan.platform.messaging.EventSubscription;
import org.jiguan.platform.messaging.KafkaConnection;
import org.jiguan.platform.messaging.KafkaPublishingConfiguration;
import org.jiguan.platform.messaging.PublishedForm;
import org.jiguan.platform.messaging.Topics;
import org.jiguan.platform.messaging.UnpublishedEvents;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration
public class MeetingServiceConfiguration {

    /** Acts that span a meeting and a decision (closing an item, reconsideration, urgent reports), in one unit of work. */
    @Bean
    public MeetingDecisions meetingDecisions(Repository<Meeting> meetingRepository,
                                             Repository<Decision> decisionRepository) {
        return new MeetingDecisions(meetingRepository, decisionRepository);
    }

    /** R-MEET-15: the events on meeting-events leave confidential content out. */
    @Bean
    public PublishedForm meetingEventsForm() {
        return new ConfidentialContent();
    }

    /** R-MEET-15: every event as stored on meeting-records, for oversight-service alone. */
    @Bean
    public MeetingRecordsPublisher meetingRecordsPublisher(Producer<String, byte[]> cloudEventProducer,
                                                           ObjectMapper objectMapper, EventStreamSettings events,
                                                           UnpublishedEvents unpublishedEvents,
                                                           KafkaConnection kafkaConnection,
                                                           @Value("${jiguan.meeting.records-topic:" + Topics.MEETING_RECORDS
                                                                   + "}") String topic) {
        EventStreamSettings records = new EventStreamSettings(topic, events.source(), events.typePrefix(),
                events.partitions(), events.ackTimeout());
        Topics.ensure(kafkaConnection, records.topic(), records.partitions());
        return new MeetingRecordsPublisher(cloudEventProducer, objectMapper, records, unpublishedEvents);
    }

    /** As the meeting-events publisher: a failed send stops the processor, which retries, rather than skip. */
    @Autowired
    public void configureRecordsPublisher(EventProcessingConfigurer processing) {
        processing.registerTrackingEventProcessor(MeetingRecordsPublisher.PROCESSING_GROUP, c -> c.eventStore(),
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andBatchSize(KafkaPublishingConfiguration.PUBLISH_BATCH_SIZE))
                .registerListenerInvocationErrorHandler(MeetingRecordsPublisher.PROCESSING_GROUP,
                        c -> PropagatingErrorHandler.instance());
    }

    @Bean
    public OrganBodies organBodies(MongoDatabase serviceDatabase) {
        return new OrganBodies(serviceDatabase);
    }

    @Bean
    public CommitteeParents committeeParents(MongoDatabase serviceDatabase) {
        return new CommitteeParents(serviceDatabase);
    }

    @Bean
    public OrganAffairsMeetings organAffairsMeetings(MongoDatabase serviceDatabase) {
        return new OrganAffairsMeetings(serviceDatabase);
    }

    /** Each organ's affairs meetings and their openings, kept from this service's own events (R-MEET-14). */
    @Bean
    public EventSubscription affairsMeetingsView(OrganAffairsMeetings meetings,
                                                 @Value("${jiguan.events.topic:meeting-events}") String topic) {
        return new EventSubscription("affairs-meetings", List.of(topic), meetings::apply);
    }

    /** The leadership bodies and status of organs, kept from organ-service's events (CONTRACT.md). */
    @Bean
    public EventSubscription organView(OrganBodies organBodies,
                                       @Value("${jiguan.organ-events.topic:organ-events}") String topic) {
        return new EventSubscription("organ-view", List.of(topic), organBodies::apply);
    }

    /** Which committee each committee sits under, for {@code "<id>/**"} scopes, kept from organ-service's events. */
    @Bean
    public EventSubscription committeeTree(CommitteeParents committeeParents,
                                           @Value("${jiguan.organ-events.topic:organ-events}") String topic) {
        return new EventSubscription("committee-tree", List.of(topic), committeeParents::apply);
    }
}
