package org.jiguan.platform.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

/** The cached target resolver finds every command's aggregate as Axon's own resolver does, command by command. */
class CommandTargetsTest {
    private final CommandTargetResolver targets = new CommandTargets();
    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();

    record ReportSomething(@TargetAggregateIdentifier String organId, int headcount) {
    }

    static class WithFields {
        @TargetAggregateIdentifier
        private final String meetingId;
        @TargetAggregateVersion
        private final String expectedVersion;

        WithFields(String meetingId, String expectedVersion) {
            this.meetingId = meetingId;
            this.expectedVersion = expectedVersion;
        }
    }

    abstract static class Addressed {
        @TargetAggregateIdentifier
        public String target() {
            return "committee-" + getClass().getSimpleName();
        }
    }

    static class Inherited extends Addressed {
    }

    record Unaddressed(String organId) {
    }

    record NullTarget(@TargetAggregateIdentifier String organId) {
    }

    @Test
    void each_command_of_a_class_is_sent_to_its_own_aggregate() {
        assertThat(resolve(new ReportSomething("o1", 3))).isEqualTo(new VersionedAggregateIdentifier("o1", null));
        assertThat(resolve(new ReportSomething("o2", 3))).isEqualTo(new VersionedAggregateIdentifier("o2", null));
        assertThat(resolve(new WithFields("m1", "7"))).isEqualTo(new VersionedAggregateIdentifier("m1", 7L));
        assertThat(resolve(new WithFields("m2", null))).isEqualTo(new VersionedAggregateIdentifier("m2", null));
        assertThat(resolve(new Inherited())).isEqualTo(new VersionedAggregateIdentifier("committee-Inherited", null));
    }

    @Test
    void the_targets_are_the_same_as_axons_own_resolver_finds() {
        for (Object command : new Object[]{new ReportSomething("o1", 3), new WithFields("m1", "7"),
                new WithFields("m2", null), new Inherited()}) {
            assertThat(resolve(command))
                    .isEqualTo(axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)));
        }
    }

    @Test
    void a_command_naming_no_aggregate_is_refused_as_axon_refuses_it() {
        for (Object command : new Object[]{new Unaddressed("o1"), new NullTarget(null)}) {
            assertThatThrownBy(() -> resolve(command)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not identify the target aggregate")
                    .hasMessageContaining(command.getClass().getSimpleName());
            assertThatThrownBy(() -> axons.resolveTarget(GenericCommandMessage.asCommandMessage(command)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("does not identify the target aggregate");
        }
    }

    @Test
    void a_version_that_is_not_a_number_is_refused() {
        assertThatThrownBy(() -> resolve(new WithFields("m1", "seven"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a number");
    }

    private VersionedAggregateIdentifier resolve(Object command) {
        return targets.resolveTarget(GenericCommandMessage.asCommandMessage(command));
    }
}
