package org.jiguan.platform.messaging;

import java.util.List;
import java.util.function.Consumer;

/**
 * A service's wish to apply the events of some topics to a local view. Declare one as a bean; the platform
 * runs a Kafka consumer for it (group {@code <database>.<name>}) that commits offsets only after the
 * handler returned, so the handler must be idempotent (ARCHITECTURE.md "Consuming").
 *
 * @param name    short name, used in the consumer group, logs, health and dead letters
 * @param topics  the topics to read from their beginning
 * @param handler applies one event; throws {@link UnprocessableEvent} for an event it can never apply
 * @param batch   optional: applies a poll's events together (in order per aggregate), in fewer store requests
 *                than one by one; when it throws, whatever the cause, the consumer applies the same events one by
 *                one through {@code handler}, so it must leave nothing half-applied that a repeat would not mend
 */
public record EventSubscription(String name, List<String> topics, Consumer<ReceivedEvent> handler,
                                Consumer<List<ReceivedEvent>> batch) {

    public EventSubscription(String name, List<String> topics, Consumer<ReceivedEvent> handler) {
        this(name, topics, handler, null);
    }
}
