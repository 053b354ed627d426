package org.jiguan.oversight.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.oversight.api.IssueReminder;
import org.jiguan.oversight.api.ReminderIds;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderStage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A store written before the module was reshaped names the reminder events by their former package. */
class MovedMessageTypesTest extends OversightServiceTestBase {
    private static final String FORMER = "org.jiguan.oversight.reminders.ReminderIssued";

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    MongoDatabase serviceDatabase;

    @Test
    void reminder_events_stored_under_the_former_package_are_read_as_todays_classes() {
        String organ = uniqueId("moved");
        String aggregate = ReminderIds.remindersOf(organ, 2025);
        commands.sendAndWait(new IssueReminder(organ, "prov-moved", 2025, ReminderStage.UPCOMING,
                LocalDate.of(2026, 1, 31), Instant.parse("2025-12-31T01:00:00Z")));
        MongoCollection<Document> commits = serviceDatabase.getCollection("event_commits");
        Object commitId = commits.find(Filters.eq("streams", aggregate + "#0")).first().get("_id");
        commits.updateOne(Filters.eq("_id", commitId), Updates.set("events.0.payloadType", FORMER));
        assertThat(commits.find(Filters.eq("_id", commitId)).first().getList("events", Document.class).get(0)
                .getString("payloadType")).isEqualTo(FORMER);

        assertThat(eventStore.readEvents(aggregate).asStream().toList()).singleElement().satisfies(event -> {
            assertThat(event.getPayload()).isInstanceOf(ReminderIssued.class);
            assertThat(((ReminderIssued) event.getPayload()).stage()).isEqualTo(ReminderStage.UPCOMING);
        });
    }
}
