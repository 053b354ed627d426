package org.jiguan.platform.axon;

import java.util.Objects;

import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventsourcing.snapshotting.SnapshotFilter;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SerializedType;

/**
 * Loads an aggregate from its snapshot only when the snapshot has the shape the aggregate's class has now: the
 * {@code @Revision} on the class (none counts as none) equals the one the snapshot was stored with. A snapshot of an
 * earlier shape is passed over and the aggregate is rebuilt from its events, which every version keeps loading,
 * and snapshotted again in the new shape. An aggregate whose state changes shape raises its {@code @Revision}.
 */
public class CurrentRevisionSnapshots implements SnapshotFilter {

    @Override
    public boolean test(DomainEventData<?> snapshot) {
        SerializedType type = snapshot.getPayload().getType();
        try {
            Class<?> aggregate = Class.forName(type.getName(), false, Thread.currentThread().getContextClassLoader());
            Revision revision = aggregate.getAnnotation(Revision.class);
            return Objects.equals(revision == null ? null : revision.value(), type.getRevision());
        } catch (ClassNotFoundException | LinkageError unknown) {
            return false;
        }
    }
}
