package org.jiguan.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;

/** A snapshot stored before its aggregate changed shape is passed over; the aggregate is rebuilt from its events. */
class CurrentRevisionSnapshotsTest {
    private final CurrentRevisionSnapshots filter = new CurrentRevisionSnapshots();

    @Revision("2")
    static class Reshaped {
    }

    static class Unrevised {
    }

    @Test
    void a_snapshot_of_the_aggregates_current_revision_is_loaded() {
        assertThat(filter.allow(snapshot(Reshaped.class, "2"))).isTrue();
        assertThat(filter.allow(snapshot(Unrevised.class, null))).isTrue();
    }

    @Test
    void a_snapshot_of_an_earlier_shape_or_an_unknown_type_is_passed_over() {
        assertThat(filter.allow(snapshot(Reshaped.class, null))).isFalse();
        assertThat(filter.allow(snapshot(Reshaped.class, "1"))).isFalse();
        assertThat(filter.allow(new GenericDomainEventEntry<>("Gone", "a1", 100, "e1", 0L, "org.example.Gone", null,
                "{}", "{}"))).isFalse();
    }

    private static GenericDomainEventEntry<String> snapshot(Class<?> type, String revision) {
        return new GenericDomainEventEntry<>(type.getSimpleName(), "a1", 100, "e1", 0L, type.getName(), revision,
                "{}", "{}");
    }
}
