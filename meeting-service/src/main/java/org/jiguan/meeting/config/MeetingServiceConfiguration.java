package org.jiguan.meeting.config;

import java.util.List;

import com.mongodb.client.MongoDatabase;
import org.axonframework.modelling.command.Repository;
import org.jiguan.meeting.domain.Decision;
import org.jiguan.meeting.domain.Meeting;
import org.jiguan.meeting.domain.MeetingDecisions;
import org.jiguan.meeting.messaging.CommitteeParents;
import org.jiguan.meeting.messaging.OrganAffairsMeetings;
import org.jiguan.meeting.messaging.OrganBodies;
import org.jiguan.platform.messaging.EventSubscription;
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
