package org.jiguan.platform.axon;

import com.mongodb.MongoException;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** The event store answers: without it no command can be accepted, so the service is DOWN (and not ready). */
public class EventStoreHealth implements HealthIndicator {
    private final MongoDatabase database;

    public EventStoreHealth(MongoDatabase database) {
        this.database = database;
    }

    @Override
    public Health health() {
        try {
            database.runCommand(new Document("ping", 1));
            return Health.up().withDetail("database", database.getName()).build();
        } catch (MongoException e) {
            return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
        }
    }
}
