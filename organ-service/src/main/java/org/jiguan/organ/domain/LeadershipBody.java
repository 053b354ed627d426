package org.jiguan.organ.domain;

import static org.jiguan.platform.rules.RuleViolation.requireText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jiguan.organ.api.AppointLeader;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.QuotaInForce;
import org.jiguan.platform.rules.RuleViolation;

/**
 * An organ's leadership body (领导班子 / 部务会): every tenure on it and the number of posts approved over time.
 * R-LEAD-2, R-LEAD-3 and R-LEAD-4 are judged on the act's date and on every later day the body or the approved
 * number changes (DOMAIN.md, "Judged on the act's date"): an appointment, removal or quota recorded late must leave
 * the body lawful on each of those days, not only today.
 */
final class LeadershipBody {
    private List<Tenure> tenures = new ArrayList<>();
    private QuotaInForce quota = new QuotaInForce(0);

    /**
     * A stretch on the body; {@code until} is the day the member left (no longer on the body that day), null while
     * the member serves.
     */
    record Tenure(String memberId, String name, LeaderRole role, LocalDate since, LocalDate until,
                  boolean concurrentUpperLevelPost) {
        boolean servesOn(LocalDate day) {
            return !since.isAfter(day) && (until == null || until.isAfter(day));
        }

        boolean servesOnOrAfter(LocalDate day) {
            return until == null || until.isAfter(day);
        }

        /** Whether the member sat on the body on any day of {@code from}–{@code to}, both included. */
        boolean overlaps(LocalDate from, LocalDate to) {
            return !since.isAfter(to) && (until == null || !until.isBefore(from));
        }

        Tenure endedOn(LocalDate day) {
            return new Tenure(memberId, name, role, since, day, concurrentUpperLevelPost);
        }
    }

    /** The body on one day, with the number of posts approved for that day. */
    private record BodyOnDay(LocalDate day, List<Tenure> serving, int posts) {
        long inRole(LeaderRole role) {
            return serving.stream().filter(t -> t.role() == role).count();
        }

        Optional<Tenure> principal() {
            return serving.stream().filter(t -> t.role() == LeaderRole.PRINCIPAL).findFirst();
        }
    }

    void requireAppointable(AppointLeader command, OrganKind kind, CommitteeLevel level, LocalDate establishedOn) {
        requireWellFormed(command, establishedOn);
        requireNotOnTheBodyFrom(command.memberId(), command.since());
        Tenure appointed = tenureOf(command);
        List<Tenure> after = Stream.concat(tenures.stream(), Stream.of(appointed)).toList();
        requirePostsWithin(daysFrom(command.since(), after, quota));
        if (command.role() == LeaderRole.PRINCIPAL) {
            requireSinglePrincipal(daysFrom(command.since(), after, quota));
        }
        if (command.role() == LeaderRole.PRINCIPAL || command.role() == LeaderRole.EXECUTIVE_DEPUTY) {
            requireExecutiveDeputyAllowed(daysFrom(command.since(), after, quota));
        }
        requireNoAssistantOrSecretaryGeneral(command, kind, level);
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

    /** A member serving now is a conflict; one whose earlier stretch ran past the new start holds one post (R-LEAD-1). */
    private void requireNotOnTheBodyFrom(String memberId, LocalDate since) {
        if (serving(memberId).isPresent()) {
            throw new Conflict("member " + memberId + " already serves on this leadership body");
        }
        tenures.stream().filter(t -> t.memberId().equals(memberId) && t.servesOnOrAfter(since)).findFirst()
                .ifPresent(t -> {
                    throw new RuleViolation("R-LEAD-1", "member " + memberId + " sat on the body until " + t.until()
                            + ", so cannot join it again from " + since);
                });
    }

    /** R-LEAD-2 (non-negative): the approved number of posts itself. */
    static void requirePostsWithin(int posts, int leadershipQuota) {
        RuleViolation.require(leadershipQuota >= 0, "R-LEAD-2", "a leadership quota cannot be negative");
        RuleViolation.require(posts <= leadershipQuota, "R-LEAD-2",
                posts + " leadership posts would exceed the approved number of " + leadershipQuota);
    }

    /** R-LEAD-2: every role holds one post (R-LEAD-1), and posts never exceed the approved number (领导职数). */
    private static void requirePostsWithin(Stream<BodyOnDay> days) {
        days.forEach(d -> RuleViolation.require(d.serving().size() <= d.posts(), "R-LEAD-2", "on " + d.day() + ", "
                + d.serving().size() + " leadership posts would exceed the approved number of " + d.posts()));
    }

    /** R-LEAD-3: one principal at a time; a successor comes after the predecessor leaves. */
    private static void requireSinglePrincipal(Stream<BodyOnDay> days) {
        days.forEach(d -> RuleViolation.require(d.inRole(LeaderRole.PRINCIPAL) <= 1, "R-LEAD-3",
                "the organ already has a principal on " + d.day()));
    }

    /** R-LEAD-4: a deputy in charge of daily work only stands in for a principal who serves concurrently above. */
    private static void requireExecutiveDeputyAllowed(Stream<BodyOnDay> days) {
        days.filter(d -> d.inRole(LeaderRole.EXECUTIVE_DEPUTY) > 0).forEach(d -> RuleViolation.require(
                d.principal().map(Tenure::concurrentUpperLevelPost).orElse(false), "R-LEAD-4",
                "on " + d.day() + " an executive deputy would serve without a principal who holds the post "
                        + "concurrently as an upper-level leader"));
    }

    /** R-LEAD-5: no assistant to the principal or secretary-general, save the Party Centre's approved exception. */
    private static void requireNoAssistantOrSecretaryGeneral(AppointLeader command, OrganKind kind,
                                                             CommitteeLevel level) {
        if (command.role() != LeaderRole.ASSISTANT_TO_PRINCIPAL && command.role() != LeaderRole.SECRETARY_GENERAL) {
            return;
        }
        RuleViolation.require(kind == OrganKind.FUNCTIONAL_DEPARTMENT && level == CommitteeLevel.CENTRAL,
                "R-LEAD-5", command.role() + " exists only in a functional department of the central committee");
        RuleViolation.require(command.approval() != null && command.approval().approvedBy() == Approver.PARTY_CENTRE,
                "R-LEAD-5", command.role() + " needs the Party Centre's approval");
        requireText(command.approval().documentNo(), "R-LEAD-5", "the approval document number");
        RuleViolation.requirePresent(command.approval().approvedOn(), "R-LEAD-5", "the approval date");
    }

    Tenure requireServing(String memberId) {
        return serving(memberId).orElseThrow(
                () -> new NotFound("member " + memberId + " does not serve on this leadership body"));
    }

    /**
     * R-LEAD-1: a member leaves on or after joining. R-LEAD-4: the concurrent principal cannot leave while an
     * executive deputy standing in for them serves, on the day of leaving or after.
     */
    void requireRemovable(Tenure leader, LocalDate on) {
        RuleViolation.require(on != null && !on.isBefore(leader.since()), "R-LEAD-1",
                "a member leaves the body on or after joining it on " + leader.since());
        if (leader.role() == LeaderRole.PRINCIPAL) {
            List<Tenure> after = tenures.stream().map(t -> t == leader ? t.endedOn(on) : t).toList();
            requireExecutiveDeputyAllowed(daysFrom(on, after, quota));
        }
    }

    /** R-LEAD-2: a new approved number, in force from {@code from}, must hold the posts filled on each of its days. */
    void requireQuotaChange(LocalDate from, int newQuota) {
        requirePostsWithin(0, newQuota);
        LocalDate next = quota.nextChangeAfter(from);
        requirePostsWithin(daysFrom(from, tenures, quota.with(from, newQuota)).filter(d -> d.day().isBefore(next)));
    }

    int quotaOn(LocalDate day) {
        return quota.on(day);
    }

    /**
     * The body on {@code from} and on every later day on which it or the approved number changes: between those
     * days nothing does, so a rule that holds on them holds on every day.
     */
    private static Stream<BodyOnDay> daysFrom(LocalDate from, List<Tenure> body, QuotaInForce posts) {
        Stream<LocalDate> changes = Stream.concat(
                body.stream().flatMap(t -> Stream.of(t.since(), t.until())),
                posts.changesAfter(from).stream());
        return Stream.concat(Stream.of(from), changes.filter(d -> d != null && d.isAfter(from)))
                .distinct().sorted()
                .map(day -> new BodyOnDay(day, body.stream().filter(t -> t.servesOn(day)).toList(), posts.on(day)));
    }

    boolean satOnOrBefore(String memberId, LocalDate date) {
        return tenures.stream().anyMatch(t -> t.memberId().equals(memberId) && !t.since().isAfter(date));
    }

    boolean satDuring(String memberId, int year) {
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate to = LocalDate.of(year, 12, 31);
        return tenures.stream().anyMatch(t -> t.memberId().equals(memberId) && t.overlaps(from, to));
    }

    /** The member's stretch on the body that covers {@code day}, if any (R-DOC-1). */
    Optional<Tenure> servingOn(String memberId, LocalDate day) {
        return tenures.stream().filter(t -> t.memberId().equals(memberId) && t.servesOn(day)).findFirst();
    }

    /** The principal serving on {@code day}; empty while the post is vacant (R-DOC-1). */
    Optional<Tenure> principalOn(LocalDate day) {
        return tenures.stream().filter(t -> t.role() == LeaderRole.PRINCIPAL && t.servesOn(day)).findFirst();
    }

    private Optional<Tenure> serving(String memberId) {
        return tenures.stream().filter(t -> t.memberId().equals(memberId) && t.until() == null).findFirst();
    }

    private static Tenure tenureOf(AppointLeader command) {
        return new Tenure(command.memberId(), command.name(), command.role(), command.since(), null,
                command.concurrentUpperLevelPost());
    }

    void quotaSet(int leadershipQuota) {
        quota = new QuotaInForce(leadershipQuota);
    }

    void quotaChanged(LocalDate from, int leadershipQuota) {
        quota.changed(from, leadershipQuota);
    }

    void appointed(LeaderAppointed event) {
        tenures.add(new Tenure(event.memberId(), event.name(), event.role(), event.since(), null,
                event.concurrentUpperLevelPost()));
    }

    void removed(LeaderRemoved event) {
        tenures.replaceAll(t -> t.memberId().equals(event.memberId()) && t.until() == null
                ? t.endedOn(event.removedOn()) : t);
    }
}
