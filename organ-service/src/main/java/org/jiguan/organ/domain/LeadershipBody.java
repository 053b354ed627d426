package org.jiguan.organ.domain;

import static org.jiguan.organ.domain.BusinessDates.requireNotInFuture;
import static org.jiguan.organ.domain.BusinessDates.requireText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jiguan.organ.api.AppointLeader;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;

/**
 * An organ's leadership body (领导班子 / 部务会): who serves now, and who served when, because supervision judges
 * members by the time of the act (R-SUP-5, R-SUP-7).
 */
final class LeadershipBody {
    private Map<String, Leader> serving = new LinkedHashMap<>();
    private List<Tenure> tenures = new ArrayList<>();

    record Leader(String memberId, String name, LeaderRole role, LocalDate since, boolean concurrentUpperLevelPost) {
    }

    /** A stretch on the body; {@code until} is null while it lasts. */
    record Tenure(String memberId, LeaderRole role, LocalDate since, LocalDate until) {
        boolean overlaps(LocalDate from, LocalDate to) {
            return !since.isAfter(to) && (until == null || !until.isBefore(from));
        }
    }

    void requireAppointable(AppointLeader command, int leadershipQuota, OrganKind kind, CommitteeLevel level,
                            LocalDate establishedOn, Clock clock) {
        requireWellFormed(command, establishedOn);
        if (serving.containsKey(command.memberId())) {
            throw new Conflict("member " + command.memberId() + " already serves on this leadership body");
        }
        requirePostsWithin(serving.size() + 1, leadershipQuota);
        requireSinglePrincipal(command.role());
        requireExecutiveDeputyAllowed(command.role());
        requireNoAssistantOrSecretaryGeneral(command, kind, level, clock);
    }

    /**
     * R-LEAD-1: every appointment fills one post in a named role of the affairs meeting, from a date on which the
     * organ existed.
     */
    private static void requireWellFormed(AppointLeader command, LocalDate establishedOn) {
        RuleViolation.require(command.role() != null, "R-LEAD-1", "a leader's role is required");
        requireText(command.memberId(), "R-LEAD-1", "the member id");
        requireText(command.name(), "R-LEAD-1", "the member's name");
        RuleViolation.require(command.since() != null, "R-LEAD-1", "the date the member starts is required");
        RuleViolation.require(!command.since().isBefore(establishedOn), "R-LEAD-1",
                "a member cannot join the leadership body before the organ was established on " + establishedOn);
    }

    /** R-LEAD-2: every role holds one post (R-LEAD-1), and posts never exceed the approved number (领导职数). */
    static void requirePostsWithin(int posts, int leadershipQuota) {
        RuleViolation.require(leadershipQuota >= 0, "R-LEAD-2", "a leadership quota cannot be negative");
        RuleViolation.require(posts <= leadershipQuota, "R-LEAD-2",
                posts + " leadership posts would exceed the approved number of " + leadershipQuota);
    }

    /** R-LEAD-3: one principal at a time; a successor comes after the predecessor is removed. */
    private void requireSinglePrincipal(LeaderRole role) {
        RuleViolation.require(role != LeaderRole.PRINCIPAL || principal().isEmpty(), "R-LEAD-3",
                "the organ already has a principal");
    }

    /** R-LEAD-4: a deputy in charge of daily work only stands in for a principal who serves concurrently above. */
    private void requireExecutiveDeputyAllowed(LeaderRole role) {
        if (role == LeaderRole.EXECUTIVE_DEPUTY) {
            RuleViolation.require(principal().map(Leader::concurrentUpperLevelPost).orElse(false), "R-LEAD-4",
                    "an executive deputy needs a principal who holds the post concurrently as an upper-level leader");
        }
    }

    /** R-LEAD-5: no assistant to the principal or secretary-general, save the Party Centre's approved exception. */
    private static void requireNoAssistantOrSecretaryGeneral(AppointLeader command, OrganKind kind,
                                                             CommitteeLevel level, Clock clock) {
        if (command.role() != LeaderRole.ASSISTANT_TO_PRINCIPAL && command.role() != LeaderRole.SECRETARY_GENERAL) {
            return;
        }
        RuleViolation.require(kind == OrganKind.FUNCTIONAL_DEPARTMENT && level == CommitteeLevel.CENTRAL,
                "R-LEAD-5", command.role() + " exists only in a functional department of the central committee");
        RuleViolation.require(command.approval() != null && command.approval().approvedBy() == Approver.PARTY_CENTRE,
                "R-LEAD-5", command.role() + " needs the Party Centre's approval");
        requireText(command.approval().documentNo(), "R-LEAD-5", "the approval document number");
        requireNotInFuture(command.approval().approvedOn(), clock, "R-LEAD-5", "the approval date");
    }

    Leader requireServing(String memberId) {
        Leader leader = serving.get(memberId);
        if (leader == null) {
            throw new NotFound("member " + memberId + " does not serve on this leadership body");
        }
        return leader;
    }

    /**
     * R-LEAD-1: a member leaves on or after joining. R-LEAD-4: the concurrent principal cannot leave while the
     * executive deputy standing in for them serves.
     */
    void requireRemovable(Leader leader, LocalDate on) {
        RuleViolation.require(on != null && !on.isBefore(leader.since()), "R-LEAD-1",
                "a member leaves the body on or after joining it on " + leader.since());
        boolean executiveDeputyServes = serving.values().stream()
                .anyMatch(l -> l.role() == LeaderRole.EXECUTIVE_DEPUTY);
        RuleViolation.require(!(leader.role() == LeaderRole.PRINCIPAL && executiveDeputyServes), "R-LEAD-4",
                "the principal cannot leave while an executive deputy in charge of daily work serves");
    }

    int posts() {
        return serving.size();
    }

    boolean satOnOrBefore(String memberId, LocalDate date) {
        return tenures.stream().anyMatch(t -> t.memberId().equals(memberId) && !t.since().isAfter(date));
    }

    boolean satDuring(String memberId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return tenures.stream().anyMatch(t -> t.memberId().equals(memberId) && t.overlaps(from, to));
    }

    private Optional<Leader> principal() {
        return serving.values().stream().filter(l -> l.role() == LeaderRole.PRINCIPAL).findFirst();
    }

    void appointed(LeaderAppointed event) {
        serving.put(event.memberId(), new Leader(event.memberId(), event.name(), event.role(), event.since(),
                event.concurrentUpperLevelPost()));
        tenures.add(new Tenure(event.memberId(), event.role(), event.since(), null));
    }

    void removed(LeaderRemoved event) {
        serving.remove(event.memberId());
        tenures.replaceAll(t -> t.memberId().equals(event.memberId()) && t.until() == null
                ? new Tenure(t.memberId(), t.role(), t.since(), event.removedOn())
                : t);
    }
}
