package org.jiguan.organ.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.jiguan.platform.rules.QuotaInForce;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-ORG-6 (Art. 9): an organ's staff against its staffing quota (编制限额), both over time. A headcount is reported
 * as of a date and stands until the next report; the quota in force on each of those days must hold it
 * (DOMAIN.md, "Judged on the act's date"), so a report or a quota recorded late is judged where it takes effect.
 */
final class Staffing {
    private QuotaInForce quota = new QuotaInForce(0);
    /** In the order recorded; of two as of the same day, the later recorded stands. */
    private List<Headcount> headcounts = new ArrayList<>();

    record Headcount(LocalDate asOf, int headcount) {
    }

    /** R-ORG-6: {@code headcount} staff from {@code asOf} until the next report fit every quota in force meanwhile. */
    void requireHeadcount(int headcount, LocalDate asOf) {
        RuleViolation.require(headcount >= 0, "R-ORG-6", "a headcount cannot be negative");
        LocalDate nextReport = headcounts.stream().map(Headcount::asOf).filter(asOf::isBefore)
                .min(Comparator.naturalOrder()).orElse(LocalDate.MAX);
        Stream.concat(Stream.of(asOf), quota.changesAfter(asOf).stream()).filter(day -> day.isBefore(nextReport))
                .forEach(day -> RuleViolation.require(headcount <= quota.on(day), "R-ORG-6", "headcount "
                        + headcount + " as of " + asOf + " exceeds the staffing quota of " + quota.on(day)
                        + " in force on " + day));
    }

    /** R-ORG-6: a quota in force from {@code from} holds every headcount standing until the next change. */
    void requireQuotaChange(LocalDate from, int newQuota) {
        requireQuotaNotNegative(newQuota);
        LocalDate nextChange = quota.nextChangeAfter(from);
        Stream.concat(headcountOn(from).stream(),
                        headcounts.stream().filter(h -> h.asOf().isAfter(from) && h.asOf().isBefore(nextChange)))
                .forEach(h -> RuleViolation.require(h.headcount() <= newQuota, "R-ORG-6", "staffing quota "
                        + newQuota + " from " + from + " is below the headcount of " + h.headcount() + " as of "
                        + h.asOf()));
    }

    static void requireQuotaNotNegative(int quota) {
        RuleViolation.require(quota >= 0, "R-ORG-6", "a staffing quota cannot be negative");
    }

    int quotaOn(LocalDate day) {
        return quota.on(day);
    }

    /** The headcount standing on {@code day}: the last reported as of that day or before. */
    private Optional<Headcount> headcountOn(LocalDate day) {
        Headcount standing = null;
        for (Headcount h : headcounts) {
            if (!h.asOf().isAfter(day) && (standing == null || !h.asOf().isBefore(standing.asOf()))) {
                standing = h;
            }
        }
        return Optional.ofNullable(standing);
    }

    void quotaSet(int staffingQuota) {
        quota = new QuotaInForce(staffingQuota);
    }

    void quotaChanged(LocalDate from, int staffingQuota) {
        quota.changed(from, staffingQuota);
    }

    void headcountReported(LocalDate asOf, int headcount) {
        headcounts.add(new Headcount(asOf, headcount));
    }
}
