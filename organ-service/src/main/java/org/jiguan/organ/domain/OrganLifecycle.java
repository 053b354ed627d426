package org.jiguan.organ.domain;

import static org.jiguan.platform.axon.Aggregates.find;
import static org.jiguan.platform.axon.Aggregates.requireUnused;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;
import org.jiguan.organ.api.AbolishOrgan;
import org.jiguan.organ.api.AssignDuty;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CreateOrgan;
import org.jiguan.organ.api.MergeOrgans;
import org.jiguan.organ.api.RegisterCommittee;
import org.jiguan.platform.rules.NotFound;

/**
 * The acts that involve a committee and its organs together. Each runs in the command's single unit of work, so
 * the committee's count and the organs' own records are stored together or not at all.
 */
public class OrganLifecycle {
    private final Repository<Committee> committees;
    private final Repository<Organ> organs;

    public OrganLifecycle(Repository<Committee> committees, Repository<Organ> organs) {
        this.committees = committees;
        this.organs = organs;
    }

    @CommandHandler
    public String handle(RegisterCommittee command) throws Exception {
        // Committees and organs share one event store keyed by aggregate id: any events at all take the id.
        requireUnused(organs, command.committeeId());
        CommitteeLevel parentLevel = command.parentCommitteeId() == null
                ? null
                : find(committees, command.parentCommitteeId()).map(c -> c.invoke(Committee::level)).orElse(null);
        committees.newInstance(() -> new Committee(command, parentLevel));
        return command.committeeId();
    }

    @CommandHandler
    public String handle(CreateOrgan command) throws Exception {
        requireUnused(organs, command.organId());
        OrganAdmission admission = committee(command.committeeId()).invoke(c -> c.admit(command));
        organs.newInstance(() -> new Organ(command, admission));
        return command.organId();
    }

    @CommandHandler
    public void handle(AbolishOrgan command) {
        String committeeId = organ(command.organId()).invoke(o -> {
            o.abolish(command);
            return o.committeeId();
        });
        committee(committeeId).execute(c -> c.release(command.organId(), command.abolishedOn(), command.reason()));
    }

    @CommandHandler
    public void handle(MergeOrgans command) {
        Aggregate<Organ> survivor = organ(command.organId());
        List<String> absorbedIds = command.absorbedOrganIds() == null ? List.of() : command.absorbedOrganIds();
        Map<String, Aggregate<Organ>> absorbed = new LinkedHashMap<>();
        absorbedIds.forEach(id -> absorbed.put(id, organ(id)));
        Map<String, String> committeeOfAbsorbed = new LinkedHashMap<>();
        absorbed.forEach((id, organ) -> committeeOfAbsorbed.put(id, organ.invoke(Organ::committeeId)));

        String committeeId = survivor.invoke(o -> {
            o.absorb(command, committeeOfAbsorbed);
            return o.committeeId();
        });
        absorbed.values().forEach(organ ->
                organ.execute(o -> o.abolishByMerger(command.organId(), command.mergedOn(), command.approval())));
        Aggregate<Committee> committee = committee(committeeId);
        absorbed.keySet().forEach(id ->
                committee.execute(c -> c.release(id, command.mergedOn(), "merged into " + command.organId())));
    }

    /** R-ORG-7 needs the committee's reserved duties, which only the committee knows. */
    @CommandHandler
    public void handle(AssignDuty command, Clock clock) {
        Aggregate<Organ> organ = organ(command.organId());
        String committeeId = organ.invoke(Organ::committeeId);
        List<String> reserved = committee(committeeId).invoke(Committee::reservedDuties);
        organ.execute(o -> o.assignDuty(command, reserved, clock));
    }

    private Aggregate<Committee> committee(String committeeId) {
        return find(committees, committeeId).orElseThrow(() -> new NotFound("no committee " + committeeId));
    }

    private Aggregate<Organ> organ(String organId) {
        return find(organs, organId).orElseThrow(() -> new NotFound("no organ " + organId));
    }
}
