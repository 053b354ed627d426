package org.jiguan.meeting.domain;

import static org.jiguan.meeting.domain.BusinessTime.hasText;
import static org.jiguan.meeting.domain.BusinessTime.requireNotInFuture;

import java.time.Clock;
import java.util.Optional;

import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-3 (Art. 20): the principal convenes and chairs; another leader only on the principal's recorded delegation
 * or the committee's recorded designation; and only an organ that exists on the day can meet.
 */
final class Convening {
    private Convening() {
    }

    /** Judged on the body as it stands on the scheduled date. */
    static void requireConvener(OrganOnDate organ, String convenerId, ConvenerBasis basis, ConvenerMandate mandate,
                                Clock clock) {
        RuleViolation.require(basis != null, "R-MEET-3", "the convener's basis is required");
        RuleViolation.require(hasText(convenerId), "R-MEET-3", "the convener is required");
        BodyMember convener = OrganStanding.member(organ.members(), convenerId).orElseThrow(() ->
                new RuleViolation("R-MEET-3", convenerId + " is not on the leadership body of organ "
                        + organ.organId() + " on " + organ.date()));
        Optional<BodyMember> principal = OrganStanding.principal(organ.members());
        switch (basis) {
            case PRINCIPAL -> {
                RuleViolation.require(convener.role() == LeaderRole.PRINCIPAL, "R-MEET-3", convenerId
                        + " is not the principal; another leader convenes only by delegation or designation");
                RuleViolation.require(mandate == null, "R-MEET-3",
                        "the principal convenes in their own right; a delegation or designation is not recorded");
            }
            case DELEGATED_BY_PRINCIPAL -> {
                RuleViolation.require(principal.isPresent(), "R-MEET-3",
                        "the principal post is vacant on " + organ.date() + ", so nobody can delegate; "
                                + "the committee may designate a convener");
                RuleViolation.require(convener.role() != LeaderRole.PRINCIPAL, "R-MEET-3",
                        "the principal convenes in their own right, not by delegation");
                requireMandate(mandate, clock);
                RuleViolation.require(principal.get().memberId().equals(mandate.grantedBy()), "R-MEET-3",
                        "the delegation must come from the principal " + principal.get().memberId()
                                + ", not " + mandate.grantedBy());
            }
            case DESIGNATED_BY_COMMITTEE -> {
                requireMandate(mandate, clock);
                RuleViolation.require(organ.committeeId().equals(mandate.grantedBy()), "R-MEET-3",
                        "the designation must come from the organ's committee " + organ.committeeId()
                                + ", not " + mandate.grantedBy());
                RuleViolation.require(hasText(mandate.documentNo()), "R-MEET-3",
                        "the committee's designation needs its document number");
            }
        }
    }

    private static void requireMandate(ConvenerMandate mandate, Clock clock) {
        RuleViolation.require(mandate != null, "R-MEET-3",
                "a convener who is not the principal needs the delegation or designation recorded");
        RuleViolation.require(hasText(mandate.grantedBy()), "R-MEET-3", "who gave the mandate is required");
        requireNotInFuture(mandate.grantedOn(), clock, "R-MEET-3", "the date of the mandate");
    }

    /** Checked on the scheduled date when convening and again on the day the meeting opens. */
    static void requireOrganMeets(OrganOnDate organ) {
        OrganStanding.whyInactive(organ).ifPresent(why -> {
            throw new RuleViolation("R-MEET-3", why + ", so it cannot hold a meeting on " + organ.date());
        });
    }
}
