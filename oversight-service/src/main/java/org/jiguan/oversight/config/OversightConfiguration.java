package org.jiguan.oversight.config;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import org.jiguan.oversight.messaging.CommitteeDirectory;
import org.jiguan.oversight.messaging.Histories;
import org.jiguan.oversight.messaging.HistoryIngest;
import org.jiguan.oversight.messaging.HistoryRebuild;
import org.jiguan.oversight.messaging.Refusals;
import org.jiguan.oversight.messaging.ReminderTriggers;
import org.jiguan.platform.messaging.EventSubscription;
import org.jiguan.platform.messaging.KafkaConnection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The histories in MongoDB and the two subscriptions that feed them: {@code organ-events} and
 * {@code meeting-records} (topic names {@code jiguan.oversight.organ-topic} and {@code jiguan.oversight.meeting-topic}):
 * meeting-service's events with their confidential content, which only oversight reads and which its reads show to
 * the meeting's circle alone (R-MEET-15). The refusals on both (R-AUD-1) go to {@link Refusals} instead.
 */
@Configuration
public class OversightConfiguration {

    @Bean
    public Histories histories(MongoDatabase serviceDatabase, ObjectMapper objectMapper) {
        Histories histories = new Histories(serviceDatabase, objectMapper);
        histories.fillReadModelsOnce();
        return histories;
    }

    @Bean
    public CommitteeDirectory committeeDirectory(MongoDatabase serviceDatabase, Histories histories) {
        CommitteeDirectory directory = new CommitteeDirectory(serviceDatabase);
        histories.fillOnce(directory);
        return directory;
    }

    @Bean
    public HistoryIngest historyIngest(Histories histories, CommitteeDirectory committeeDirectory,
                                       ReminderTriggers reminderTriggers) {
        return new HistoryIngest(histories, committeeDirectory, reminderTriggers::organChanged);
    }

    @Bean
    public HistoryRebuild historyRebuild(Histories histories, ObjectMapper objectMapper, Clock clock,
                                         KafkaConnection kafkaConnection,
                                         @Value("${jiguan.oversight.organ-topic:organ-events}") String organTopic,
                                         @Value("${jiguan.oversight.meeting-topic:meeting-records}") String meetingTopic) {
        return new HistoryRebuild(histories, kafkaConnection, Map.of(organTopic, HistoryIngest.Stream.ORGAN_EVENTS,
                meetingTopic, HistoryIngest.Stream.MEETING_EVENTS), objectMapper, clock);
    }

    @Bean
    public Refusals refusals(MongoDatabase serviceDatabase, Histories histories) {
        return new Refusals(serviceDatabase, histories);
    }

    @Bean
    public EventSubscription organEventsSubscription(HistoryIngest ingest, Refusals refusals,
                                                     @Value("${jiguan.oversight.organ-topic:organ-events}") String topic) {
        HistoryIngest.Stream stream = HistoryIngest.Stream.ORGAN_EVENTS;
        return new EventSubscription("organ-events", List.of(topic), refusals.before(ingest.handler(stream)),
                refusals.beforeAll(ingest.batchHandler(stream)));
    }

    @Bean
    public EventSubscription meetingEventsSubscription(HistoryIngest ingest, Refusals refusals,
                                                       @Value("${jiguan.oversight.meeting-topic:meeting-records}") String topic) {
        HistoryIngest.Stream stream = HistoryIngest.Stream.MEETING_EVENTS;
        return new EventSubscription("meeting-records", List.of(topic), refusals.before(ingest.handler(stream)),
                refusals.beforeAll(ingest.batchHandler(stream)));
    }
}
