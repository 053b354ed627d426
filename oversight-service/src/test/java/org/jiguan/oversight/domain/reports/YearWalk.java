package org.jiguan.oversight.domain.reports;

import org.jiguan.oversight.api.ReminderStage;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Walks the calendar day by day as the reminder job would, applying {@link ReminderPlanner} once a day (twice,
 * to prove a rerun issues nothing) and recording what was issued. Days in {@code down} are skipped: the service
 * was not running.
 */
final class YearWalk {
    static final LocalDate FROM = LocalDate.of(2025, 12, 1);
    static final LocalDate TO = LocalDate.of(2026, 4, 1);

    record Issued(ReminderStage stage, LocalDate on) {
        @Override
        public String toString() {
            return stage + "@" + on;
        }
    }

    private YearWalk() {
    }

    static List<Issued> walk(ReminderPolicy policy, ReportingYear report) {
        return walk(policy, report, Set.of());
    }

    static List<Issued> walk(ReminderPolicy policy, ReportingYear report, Set<LocalDate> down) {
        Set<ReminderStage> issued = EnumSet.noneOf(ReminderStage.class);
        List<Issued> log = new ArrayList<>();
        for (LocalDate today = FROM; !today.isAfter(TO); today = today.plusDays(1)) {
            if (down.contains(today)) {
                continue;
            }
            Optional<ReminderToIssue> next = ReminderPlanner.stageToIssue(policy, report, issued, today);
            if (next.isPresent()) {
                ReminderStage stage = next.get().stage();
                assertTrue(issued.add(stage), stage + " issued twice, again on " + today);
                log.add(new Issued(stage, today));
                assertFalse(ReminderPlanner.stageToIssue(policy, report, issued, today).isPresent(),
                        "a rerun on " + today + " must issue nothing more");
            }
        }
        return log;
    }

    static Issued issued(ReminderStage stage, String on) {
        return new Issued(stage, LocalDate.parse(on));
    }
}
