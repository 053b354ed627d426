package org.jiguan.oversight.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jiguan.oversight.domain.views.CommitteeDashboard;
import org.jiguan.oversight.domain.views.RollUp;
import org.jiguan.oversight.domain.views.TimeSlice;
import org.jiguan.oversight.messaging.CommitteeDirectory;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.security.Caller;
import org.jiguan.platform.security.Forbidden;
import org.springframework.stereotype.Component;

/**
 * A committee's figures over the committees below it (CONTRACT.md {@code GET /committees/{id}/dashboard?rollUp=true})
 * and its annual-report compliance over the last years ({@code GET /committees/{id}/annual-report-trend}), built on
 * {@link OversightReads}' answers for each committee and on the {@link CommitteeDirectory}'s tree (read by key, one
 * {@code _id $in} per level). Scope: the committee asked for must be in the caller's scope (else 403, as the plain
 * dashboard; 404 when oversight knows nothing of it); below it, only the committees the caller sees are summed
 * ({@code "<id>/**"} sees the whole subtree), and a child committee the caller does not see has no row.
 */
@Component
public class CommitteeRollUp {
    /** At most this many committees in one roll-up: a deeper or wider tree than any real one is a loop or a mistake. */
    static final int MAX_COMMITTEES = 10_000;
    /** No report year before the one the annual-report query accepts. */
    static final int FIRST_YEAR = 1949;

    private final OversightReads reads;
    private final CommitteeDirectory directory;

    public CommitteeRollUp(OversightReads reads, CommitteeDirectory directory) {
        this.reads = reads;
        this.directory = directory;
    }

    /**
     * The answer of {@code rollUp=true}: the dashboard's figures summed over {@code committees} committees (the one
     * asked for and those below it the caller sees), and one row per child committee the caller sees, with that
     * child's subtree summed the same way ({@code children} null in a row).
     */
    public record Answer(String committeeId, String name, String level, boolean rollUp, int committees, int year,
                         LocalDate asOf, Instant knownAt, CommitteeDashboard.Organs organs,
                         CommitteeDashboard.Leadership leadership, CommitteeDashboard.Staffing staffing,
                         CommitteeDashboard.AnnualReports annualReports, CommitteeDashboard.Meetings meetings,
                         CommitteeDashboard.Decisions decisions, CommitteeDashboard.Findings findings,
                         CommitteeDashboard.Assessments assessments, CommitteeDashboard.Accountability accountability,
                         CommitteeDashboard.SpecialReportRequests specialReportRequests,
                         CommitteeDashboard.LeaderFilingCounts leaderFilings, List<Answer> children) {
        static Answer of(CommitteeDashboard d, String level, int committees, List<Answer> children) {
            return new Answer(d.committeeId(), d.name(), level, true, committees, d.year(), d.asOf(), d.knownAt(),
                    d.organs(), d.leadership(), d.staffing(), d.annualReports(), d.meetings(), d.decisions(),
                    d.findings(), d.assessments(), d.accountability(), d.specialReportRequests(), d.leaderFilings(),
                    children);
        }
    }

    /** The annual-report compliance of each year, oldest first, over {@code committees} committees. */
    public record Trend(String committeeId, boolean rollUp, int committees, LocalDate asOf, Instant knownAt,
                        List<RollUp.Compliance> years) {
    }

    public Answer dashboard(String committeeId, Integer year, TimeSlice slice) {
        Tree tree = tree(committeeId);
        Map<String, CommitteeDashboard> own = new HashMap<>();
        CommitteeDashboard root = reads.dashboard(committeeId, year, slice); // 403 and 404 as the plain dashboard
        own.put(committeeId, root);
        for (String below : tree.visible()) {
            if (!below.equals(committeeId)) {
                ownDashboard(below, root.year(), slice).ifPresent(d -> own.put(below, d));
            }
        }
        List<Answer> rows = new ArrayList<>();
        for (String child : tree.children(committeeId)) {
            if (!Caller.current().seesCommittee(child)) {
                continue;
            }
            List<CommitteeDashboard> parts = tree.subtree(child).stream().map(own::get)
                    .filter(java.util.Objects::nonNull).toList();
            CommitteeDashboard sum = RollUp.sum(child, tree.name(child), root.year(), root.asOf(), root.knownAt(),
                    parts);
            rows.add(Answer.of(sum, tree.level(child), parts.size(), null));
        }
        List<CommitteeDashboard> all = tree.subtree(committeeId).stream().map(own::get)
                .filter(java.util.Objects::nonNull).toList();
        CommitteeDashboard total = RollUp.sum(committeeId, root.name() != null ? root.name() : tree.name(committeeId),
                root.year(), root.asOf(), root.knownAt(), all);
        return Answer.of(total, tree.level(committeeId), all.size(), rows);
    }

    /**
     * The compliance of the {@code years} report years before {@code slice.asOf()}'s year, each judged as of that
     * day, for the committee alone or, with {@code rollUp}, for it and the committees below it the caller sees.
     */
    public Trend trend(String committeeId, boolean rollUp, int years, TimeSlice slice) {
        if (!Caller.current().seesCommittee(committeeId)) {
            throw new Forbidden("Committee " + committeeId + " is outside the caller's scope");
        }
        List<String> committees = rollUp ? tree(committeeId).visible() : List.of(committeeId);
        if (directory.get(committeeId).isEmpty() && reads.organs(committeeId, null, null, slice, 0, 1).total() == 0) {
            throw new NotFound("No committee " + committeeId);
        }
        int last = slice.asOf().getYear() - 1;
        List<RollUp.Compliance> rows = new ArrayList<>();
        for (int year = Math.max(FIRST_YEAR, last - years + 1); year <= last; year++) {
            RollUp.Compliance sum = new RollUp.Compliance(year, 0, 0, 0, 0, 0);
            for (String committee : committees) {
                sum = sum.plus(RollUp.Compliance.of(year, reads.annualReports(year, committee, null, slice)));
            }
            rows.add(sum);
        }
        return new Trend(committeeId, rollUp, committees.size(), slice.asOf(), slice.knownAt(), rows);
    }

    private Optional<CommitteeDashboard> ownDashboard(String committeeId, int year, TimeSlice slice) {
        try {
            return Optional.of(reads.dashboard(committeeId, year, slice));
        } catch (NotFound | Forbidden e) {
            return Optional.empty();
        }
    }

    /** The committee and every committee below it, level by level, from the directory. */
    private Tree tree(String committeeId) {
        Map<String, CommitteeDirectory.Entry> entries = new LinkedHashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        Set<String> seen = new LinkedHashSet<>(List.of(committeeId));
        directory.get(committeeId).ifPresent(e -> entries.put(committeeId, e));
        List<String> level = List.of(committeeId);
        while (!level.isEmpty() && seen.size() < MAX_COMMITTEES) {
            List<String> next = new ArrayList<>();
            for (String parent : level) {
                CommitteeDirectory.Entry entry = entries.get(parent);
                List<String> below = entry == null ? List.of()
                        : entry.children().stream().filter(seen::add).toList();
                children.put(parent, below);
                next.addAll(below);
            }
            directory.all(next).forEach(e -> entries.put(e.committeeId(), e));
            level = next;
        }
        return new Tree(committeeId, entries, children);
    }

    private record Tree(String root, Map<String, CommitteeDirectory.Entry> entries, Map<String, List<String>> below) {
        List<String> children(String committeeId) {
            return below.getOrDefault(committeeId, List.of());
        }

        /** The committee and all below it, breadth first. */
        List<String> subtree(String committeeId) {
            List<String> found = new ArrayList<>();
            Deque<String> queue = new ArrayDeque<>(List.of(committeeId));
            while (!queue.isEmpty()) {
                String next = queue.poll();
                found.add(next);
                queue.addAll(children(next));
            }
            return found;
        }

        /** The subtree's committees the caller sees. */
        List<String> visible() {
            Caller caller = Caller.current();
            return subtree(root).stream().filter(caller::seesCommittee).toList();
        }

        String name(String committeeId) {
            CommitteeDirectory.Entry entry = entries.get(committeeId);
            return entry == null ? null : entry.name();
        }

        String level(String committeeId) {
            CommitteeDirectory.Entry entry = entries.get(committeeId);
            return entry == null ? null : entry.level();
        }
    }
}
