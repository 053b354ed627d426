package org.jiguan.organ.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.HeadcountReported;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganQuotaSet;
import org.jiguan.platform.testing.StoredEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * ARCHITECTURE.md guarantee 1 with several instances: this instance caches an aggregate, "another instance" (an
 * event stored straight into the log) changes it, and a command sent here is still judged on the stored aggregate,
 * whether it writes the cached aggregate, is refused on it, or only reads it.
 */
class CachedAggregatesTest extends OrganServiceTestBase {
    private static final String AS_OF = "2025-06-30";

    @Autowired
    EventStorageEngine eventLog;
    @Autowired
    EventStore eventStore;
    @Autowired
    MeterRegistry meters;

    @Test
    void a_refusal_on_a_stale_cached_organ_is_judged_again_on_the_stored_organ() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        headcount(organ, 5, 204); // the organ is cached, staffing quota 20
        storeAsAnotherInstance("Organ", organ, new OrganChanged(organ, committee, LocalDate.of(2025, 1, 1),
                approval(committee), "机关" + organ, 30, 3));

        headcount(organ, 25, 204); // over the cached quota of 20, within the stored 30
    }

    @Test
    void a_write_on_a_stale_cached_organ_loses_its_race_and_runs_again() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        headcount(organ, 5, 204);
        long otherSequence = storeAsAnotherInstance("Organ", organ, new HeadcountReported(organ, committee, 6,
                LocalDate.of(2025, 5, 31), 20));

        headcount(organ, 7, 204);
        List<StoredEvents.StoredEvent> headcounts = StoredEvents.all("organ-service-test").stream()
                .filter(e -> e.aggregateId().equals(organ) && e.is("HeadcountReported")).toList();
        assertThat(headcounts).extracting(StoredEvents.StoredEvent::sequence)
                .as("ours follows the other instance's").containsExactly(1L, otherSequence, otherSequence + 1);
    }

    /**
     * AssignDuty reads the committee's reserved duties and writes only the organ, so no unique index guards the
     * committee: its cached copy is checked before the organ's commit, and being stale it fails the command as a lost
     * race, which runs it again on the stored committee (the change here does not alter the answer; it shows the
     * check).
     */
    @Test
    void a_committee_only_read_from_a_stale_cache_is_checked_before_the_commit() {
        String committee = provincialCommittee(5);
        String organ = createOrgan(committee, "FUNCTIONAL_DEPARTMENT");
        assignDuty(organ, "duty-1"); // reads the committee's reserved duties, writes the organ: both cached
        storeAsAnotherInstance("Committee", committee, new OrganQuotaSet(committee, 6, 5, approval(committee)));
        double conflictsBefore = assignDutyConflicts();

        assignDuty(organ, "duty-2");
        assertThat(assignDutyConflicts() - conflictsBefore)
                .as("the stale committee was found before the organ's commit, and the command ran again")
                .isEqualTo(1);
    }

    private void headcount(String organ, int headcount, int status) {
        expectStatus(admin().post("/api/v1/organs/" + organ + "/headcount",
                Map.of("headcount", headcount, "asOf", AS_OF)), status);
    }

    private void assignDuty(String organ, String duty) {
        expectStatus(admin().post("/api/v1/organs/" + organ + "/duties",
                Map.of("dutyCode", duty, "description", "职责 " + duty)), 204);
    }

    private double assignDutyConflicts() {
        return meters.counter("jiguan.commands", "type", "AssignDuty", "outcome", "conflict", "rule", "none").count();
    }

    /** Stores the aggregate's next event as another instance of the service would; returns its sequence. */
    private long storeAsAnotherInstance(String type, String aggregateId, Object payload) {
        long next = eventStore.lastSequenceNumberFor(aggregateId).orElseThrow() + 1;
        eventLog.appendEvents(List.of(new GenericDomainEventMessage<>(type, aggregateId, next, payload)));
        return next;
    }

    private Approval approval(String committee) {
        return new Approval("省委编办", Approver.UPPER_ESTABLISHMENT_COMMITTEE, parentOf(committee), "编字〔2025〕2号",
                LocalDate.of(2025, 1, 1));
    }
}
