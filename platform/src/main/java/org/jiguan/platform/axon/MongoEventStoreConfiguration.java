package org.jiguan.platform.axon;

import java.time.Clock;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.Configuration;
import org.axonframework.config.Configurer;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.platform.eventlog.CommitLogStorageEngine;
import org.jiguan.platform.eventlog.LegacyEventMigration;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.tokenstore.MongoTokenStore;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Axon's event store, snapshots and tracking tokens in MongoDB, reached through mongodb-driver-sync.
 * The Mongo extension's Spring Boot starter is not available here, so the pieces are wired by hand.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.AxonAutoConfiguration",
        "org.axonframework.springboot.autoconfig.InfraConfiguration"})
public class MongoEventStoreConfiguration {

    @Bean(destroyMethod = "close")
    public MongoClient mongoClient(@Value("${jiguan.mongodb.uri}") String uri,
                                   ObjectProvider<CommandListener> listeners) {
        MongoClientSettings.Builder settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(uri))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(5, java.util.concurrent.TimeUnit.SECONDS))
                // No call may hang for ever (the driver's default): a stalled store fails and is retried.
                .applyToSocketSettings(s -> s.readTimeout(30, java.util.concurrent.TimeUnit.SECONDS));
        listeners.orderedStream().forEach(settings::addCommandListener);
        return MongoClients.create(settings.build());
    }

    @Bean
    public MongoDatabase serviceDatabase(MongoClient client, @Value("${jiguan.mongodb.database}") String database) {
        return client.getDatabase(database);
    }

    @Bean
    public MongoTemplate axonMongoTemplate(MongoDatabase serviceDatabase) {
        return DefaultMongoTemplate.builder().mongoDatabase(serviceDatabase).build();
    }

    /**
     * The service's event log: one document per command's commit, followed by a store-allocated position
     * ({@link CommitLogStorageEngine}). A legacy one-document-per-event store is migrated into it on start. Stored
     * events are read through the service's {@link EventUpcaster} beans, in order (e.g. a message class that moved).
     */
    @Bean
    public EventStorageEngine eventStorageEngine(MongoDatabase serviceDatabase,
                                                 @Qualifier("eventSerializer") Serializer eventSerializer,
                                                 Serializer serializer, ObjectMapper objectMapper,
                                                 ObjectProvider<EventUpcaster> upcasters,
                                                 @Value("${jiguan.clock.skew:0s}") Duration skew,
                                                 @Value("${jiguan.event-store.gap-timeout:3s}") Duration gapTimeout,
                                                 @Value("${jiguan.event-store.poll-interval:100ms}")
                                                 Duration pollInterval) {
        if (!skew.isZero()) {
            // Events are stamped as an instance whose clock is off would stamp them; the log never reads clocks.
            GenericEventMessage.clock = Clock.offset(Clock.systemUTC(), skew);
        }
        CommitLogStorageEngine.Builder builder = CommitLogStorageEngine.builder()
                .database(serviceDatabase)
                .gapTimeout(gapTimeout)
                // Half the poll interval: another instance's commit is found within one and a half of it.
                .counterInterval(pollInterval.dividedBy(2))
                .eventSerializer(eventSerializer)
                .snapshotSerializer(snapshotSerializer(objectMapper));
        builder.snapshotFilter(new CurrentRevisionSnapshots());
        builder.upcasterChain(new EventUpcasterChain(upcasters.orderedStream().toList()));
        CommitLogStorageEngine engine = builder.build();
        new LegacyEventMigration(serviceDatabase, serializer).migrateInto(engine);
        return engine;
    }

    /**
     * Axon's event store over the log. Commits of this instance wake its readers at once; those of other
     * instances are found by polling the log's last position every {@code jiguan.event-store.poll-interval}.
     */
    @Bean(name = "eventBus")
    public EmbeddedEventStore eventStore(EventStorageEngine eventStorageEngine, Configuration configuration,
                                         @Value("${jiguan.event-store.poll-interval:100ms}") Duration pollInterval) {
        EmbeddedEventStore.Builder builder = EmbeddedEventStore.builder()
                .storageEngine(eventStorageEngine)
                .fetchDelay(pollInterval.toMillis())
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class));
        if (!(eventStorageEngine instanceof CommitLogStorageEngine)) {
            return builder.build();
        }
        return new EmbeddedEventStore(builder) {
            /** The cached aggregates a commit does not write are checked before it is stored (CachedVersions). */
            @Override
            protected void prepareCommit(List<? extends EventMessage<?>> events) {
                CachedVersions.checkBefore(events);
                super.prepareCommit(events);
            }
        };
    }

    /**
     * A snapshot is the aggregate's own state: its private fields, which carry no getters. Events and other
     * messages keep the default serializer (records by their components).
     */
    static Serializer snapshotSerializer(ObjectMapper objectMapper) {
        ObjectMapper fields = objectMapper.copy()
                .setVisibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.SETTER, JsonAutoDetect.Visibility.NONE)
                .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        return JacksonSerializer.builder().objectMapper(fields).defaultTyping().build();
    }

    /**
     * Axon's configuration as Axon's Spring Boot starter makes it, except that a paused context leaves it running:
     * Spring Framework 7's test context cache pauses a context it is not using and starts it again later, and Axon
     * cannot start again once shut down (its event store's reader stays closed, so publishers and projections would
     * never see another event). Closing the context still shuts Axon down.
     */
    @Bean
    public SpringAxonConfiguration springAxonConfiguration(Configurer configurer) {
        return new SpringAxonConfiguration(configurer) {
            @Override
            public boolean isPauseable() {
                return false;
            }
        };
    }

    @Bean
    public TokenStore tokenStore(MongoTemplate axonMongoTemplate, Serializer serializer) {
        return MongoTokenStore.builder()
                .mongoTemplate(axonMongoTemplate)
                .serializer(serializer)
                // Axon's default (pid@host) is shared by two application contexts in one JVM, which would then
                // both believe they hold the publisher's claim and publish every event twice.
                .nodeId(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID())
                .claimTimeout(Duration.ofSeconds(10))
                .build();
    }

    @Bean
    public EventStoreHealth eventStoreHealthIndicator(MongoDatabase serviceDatabase) {
        return new EventStoreHealth(serviceDatabase);
    }

    /**
     * Loaded aggregates kept between commands (aggregates name it: {@code @Aggregate(cache = "aggregateCache")}),
     * so a command rarely reads the log. Bounded ({@code jiguan.aggregate-cache.size}, 10,000 aggregates) and
     * strongly held: a weak cache lost its entries at every garbage collection, and every command read its
     * aggregate back from the store. Several instances: a command's decision on an entry counts only while the log
     * holds nothing after it ({@link FreshAggregateCache}): its write of the next event is refused at the log's unique
     * index otherwise, and what it does not write is checked before its commit or refusal; a stale entry is evicted
     * and the command retried on the stored state.
     */
    @Bean(destroyMethod = "close")
    public CacheManager aggregateCacheManager() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    @Bean
    public Cache aggregateCache(CacheManager aggregateCacheManager, EventStorageEngine eventStorageEngine,
                                @Value("${jiguan.aggregate-cache.size:10000}") long size) {
        // The manager's caches are Ehcache's own class, which Axon's adapter takes.
        Cache cache = new EhCache3Adapter((Ehcache<Object, Object>) aggregateCacheManager.createCache("aggregates",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class,
                        ResourcePoolsBuilder.heap(size))));
        return eventStorageEngine instanceof CommitLogStorageEngine eventLog
                ? new FreshAggregateCache(cache, eventLog) : cache;
    }

    /** Long-lived aggregates (a committee, an organ) are loaded from a snapshot plus the events after it. */
    @Bean
    public SnapshotTriggerDefinition snapshotTrigger(Snapshotter snapshotter,
                                                     @Value("${jiguan.snapshot-threshold:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
