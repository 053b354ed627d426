package org.jiguan.meeting.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.OrganStatus;
import org.jiguan.platform.rules.Conflict;

/**
 * Reads an organ snapshot. Which rule an inactive organ breaks depends on the act (a meeting: R-MEET-3; an urgent
 * decision: R-MEET-14), so this class only says why, and the rule's class throws.
 */
final class OrganStanding {
    private OrganStanding() {
    }

    /**
     * The snapshot comes from the application layer's local view of organ-service; a missing one means that view
     * has not caught up yet, which the contract answers with a conflict ("not yet known"), never a guess.
     */
    static OrganOnDate require(OrganOnDate organ, String expectedOrganId, LocalDate expectedDate) {
        if (organ == null || organ.status() == null) {
            throw new Conflict("organ " + Objects.requireNonNullElse(expectedOrganId, "")
                    + " is not yet known to meeting-service");
        }
        if (expectedOrganId != null && !expectedOrganId.equals(organ.organId())) {
            throw new IllegalArgumentException("snapshot of organ " + organ.organId() + " given for organ "
                    + expectedOrganId);
        }
        if (expectedDate != null && !expectedDate.equals(organ.date())) {
            throw new IllegalArgumentException("snapshot of organ " + organ.organId() + " as of " + organ.date()
                    + " given for an act on " + expectedDate + " (dates are Asia/Shanghai)");
        }
        return organ;
    }

    /** Why the organ cannot meet or decide on the snapshot's date; empty when it is active. */
    static Optional<String> whyInactive(OrganOnDate organ) {
        if (organ.status() == OrganStatus.ACTIVE) {
            return Optional.empty();
        }
        String name = "organ " + organ.organId();
        if (organ.status() == OrganStatus.ABOLISHED) {
            return Optional.of(name + " was abolished on " + (organ.abolishedOn() != null
                    ? organ.abolishedOn() : "or before " + organ.date()));
        }
        return Optional.of(name + " is not yet established on " + organ.date() + (organ.establishedOn() != null
                ? " (established on " + organ.establishedOn() + ")" : ""));
    }

    static Optional<BodyMember> principal(List<BodyMember> members) {
        return members.stream().filter(m -> m.role() == LeaderRole.PRINCIPAL).findFirst();
    }

    static Optional<BodyMember> member(List<BodyMember> members, String memberId) {
        return members.stream().filter(m -> m.memberId().equals(memberId)).findFirst();
    }
}
