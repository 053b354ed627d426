package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.util.Optional;

import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
import org.jiguan.meeting.api.LeaderRole;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.platform.rules.RuleViolation;

/**
 * Acting in the principal's place (Art. 20, 21): the principal acts in their own right; another leader of the body
 * only on the principal's recorded delegation or, the committee's recorded designation (with its document number).
 * Convening a meeting (R-MEET-3) and signing a document in the organ's name (R-DOC-1) follow it, each refused with
 * its own rule id.
 */
final class Mandates {
    private Mandates() {
    }

    /**
     * @param rule the rule refused with
     * @param act  what the actor does, for messages: "convenes", "signs"
     */
    static void requireActing(OrganOnDate organ, String actorId, ConvenerBasis basis, ConvenerMandate mandate, String rule, String act) {
        RuleViolation.require(basis != null, rule, "the basis on which " + actorId + " " + act + " is required");
        RuleViolation.require(hasText(actorId), rule, "who " + act + " is required");
        BodyMember actor = OrganStanding.member(organ.members(), actorId).orElseThrow(() ->
                new RuleViolation(rule, actorId + " is not on the leadership body of organ "
                        + organ.organId() + " on " + organ.date()));
        Optional<BodyMember> principal = OrganStanding.principal(organ.members());
        switch (basis) {
            case PRINCIPAL -> {
                RuleViolation.require(actor.role() == LeaderRole.PRINCIPAL, rule, actorId
                        + " is not the principal; another leader " + act + " only by delegation or designation");
                RuleViolation.require(mandate == null, rule,
                        "the principal " + act + " in their own right; a delegation or designation is not recorded");
            }
            case DELEGATED_BY_PRINCIPAL -> {
                RuleViolation.require(principal.isPresent(), rule,
                        "the principal post is vacant on " + organ.date() + ", so nobody can delegate; "
                                + "the committee may designate who " + act);
                RuleViolation.require(actor.role() != LeaderRole.PRINCIPAL, rule,
                        "the principal " + act + " in their own right, not by delegation");
                requireMandate(mandate, rule);
                RuleViolation.require(principal.get().memberId().equals(mandate.grantedBy()), rule,
                        "the delegation must come from the principal " + principal.get().memberId()
                                + ", not " + mandate.grantedBy());
            }
            case DESIGNATED_BY_COMMITTEE -> {
                requireMandate(mandate, rule);
                RuleViolation.require(organ.committeeId().equals(mandate.grantedBy()), rule,
                        "the designation must come from the organ's committee " + organ.committeeId()
                                + ", not " + mandate.grantedBy());
                RuleViolation.require(hasText(mandate.documentNo()), rule,
                        "the committee's designation needs its document number");
            }
        }
    }

    private static void requireMandate(ConvenerMandate mandate, String rule) {
        RuleViolation.require(mandate != null, rule,
                "a leader who is not the principal needs the delegation or designation recorded");
        RuleViolation.require(hasText(mandate.grantedBy()), rule, "who gave the mandate is required");
        RuleViolation.requirePresent(mandate.grantedOn(), rule, "the date of the mandate");
    }
}
