package org.jiguan.organ.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.CommitteeRegistered;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * A small world for the domain tests: the central committee {@code cc}, the provincial committee {@code gd}
 * under it, and organs of {@code gd}. Today is 2026-03-15 in Beijing.
 */
final class Facts {
    static final ZoneId BEIJING = BusinessCalendar.ZONE;
    /** 2026-03-15 10:00 in Beijing. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-15T02:00:00Z"), BEIJING);
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static final String CENTRAL = "cc";
    static final String PROVINCE = "gd";
    static final String ORGAN = "gd-org";
    static final LocalDate ESTABLISHED = LocalDate.of(2020, 6, 1);
    static final ReportPolicy DEFAULT_POLICY = new ReportPolicy("--01-31", "--09-30", List.of(-30, -7, 0, 1, 30), "CN", 10);

    private Facts() {
    }

    static Approval partyCentreApproval() {
        return new Approval("central-establishment-office", Approver.PARTY_CENTRE, CENTRAL, "中编发〔2026〕1号",
                LocalDate.of(2026, 1, 10));
    }

    /** The approval a {@link #PROVINCE} organ needs: the upper-level (central) establishment committee's. */
    static Approval upperApproval() {
        return new Approval("gd-establishment-office", Approver.UPPER_ESTABLISHMENT_COMMITTEE, CENTRAL,
                "中编办复字〔2026〕7号", LocalDate.of(2026, 1, 10));
    }

    static Approval provincialCommitteeApproval() {
        return new Approval("gd-establishment-office", Approver.COMMITTEE, PROVINCE, "粤编〔2026〕3号",
                LocalDate.of(2026, 1, 12));
    }

    static CommitteeRegistered centralRegistered(int quota) {
        return new CommitteeRegistered(CENTRAL, "中央委员会", CommitteeLevel.CENTRAL, null, quota, DEFAULT_POLICY,
                List.of());
    }

    static CommitteeRegistered provinceRegistered(int quota, String... reservedDuties) {
        return new CommitteeRegistered(PROVINCE, "广东省委", CommitteeLevel.PROVINCIAL, CENTRAL, quota,
                DEFAULT_POLICY, List.of(reservedDuties));
    }

    /** A functional department of {@link #PROVINCE}, 10 staff posts and 3 leadership posts. */
    static OrganCreated organCreated() {
        return organCreated(ORGAN, OrganKind.FUNCTIONAL_DEPARTMENT, 10, 3);
    }

    static OrganCreated organCreated(String organId, OrganKind kind, int staffingQuota, int leadershipQuota) {
        return new OrganCreated(organId, PROVINCE, CommitteeLevel.PROVINCIAL, CENTRAL, "组织部 " + organId, kind,
                EstablishmentMode.STANDALONE, ESTABLISHED, staffingQuota, leadershipQuota, upperApproval(), null,
                kind == OrganKind.WORKING_BODY ? "领导小组" : null, kind == OrganKind.DISPATCHED_ORGAN ? "工委" : null,
                true);
    }

    /** A functional department of the central committee. */
    static OrganCreated centralOrganCreated(String organId, OrganKind kind) {
        return new OrganCreated(organId, CENTRAL, CommitteeLevel.CENTRAL, null, "中央部门 " + organId, kind,
                EstablishmentMode.STANDALONE, ESTABLISHED, 100, 8, partyCentreApproval(), null,
                kind == OrganKind.WORKING_BODY ? "领导小组" : null, kind == OrganKind.DISPATCHED_ORGAN ? "工委" : null,
                true);
    }

    static LeaderAppointed appointed(String memberId, LeaderRole role, LocalDate since) {
        return appointed(memberId, role, since, false);
    }

    static LeaderAppointed appointed(String memberId, LeaderRole role, LocalDate since, boolean concurrent) {
        return new LeaderAppointed(ORGAN, PROVINCE, memberId, "Leader " + memberId, role, since, concurrent, null);
    }

    /** Matches a {@link RuleViolation} of exactly {@code ruleId}. */
    static Matcher<Object> violationOf(String ruleId) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof RuleViolation violation && ruleId.equals(violation.ruleId());
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a RuleViolation of " + ruleId);
            }

            @Override
            public void describeMismatch(Object item, Description description) {
                description.appendText("was ").appendValue(item instanceof RuleViolation v
                        ? "RuleViolation " + v.ruleId() + ": " + v.getMessage() : item);
            }
        };
    }
}
