package org.jiguan.organ.domain;

import static org.jiguan.platform.rules.RuleViolation.requireText;

import java.time.LocalDate;
import java.util.Optional;

import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.Signature;
import org.jiguan.organ.api.SigningMandate;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-DOC-1 (Art. 21 "以党的工作机关名义发布或者上报的文件，由主要负责同志签发"): a report in the organ's name names its
 * signer, the principal on the signing date; another leader of the body signs only on the principal's recorded
 * delegation or the committee's recorded designation, read as Art. 20 reads them for convening (R-MEET-3).
 */
final class Signing {
    private Signing() {
    }

    /** Judged on the leadership body as it stands on {@code signedOn}. */
    static void requireSigner(Signature signature, LocalDate signedOn, LeadershipBody leadership, String committeeId) {
        RuleViolation.require(signature != null && signature.signedBy() != null && !signature.signedBy().isBlank(),
                "R-DOC-1", "the signer (signedBy) is required: the principal, or a delegated or designated leader");
        RuleViolation.require(signature.basis() != null, "R-DOC-1", "the signing basis is required");
        String signer = signature.signedBy();
        LeadershipBody.Tenure tenure = leadership.servingOn(signer, signedOn).orElseThrow(() -> new RuleViolation(
                "R-DOC-1", signer + " is not on the organ's leadership body on the signing date " + signedOn));
        Optional<LeadershipBody.Tenure> principal = leadership.principalOn(signedOn);
        SigningMandate mandate = signature.mandate();
        switch (signature.basis()) {
            case PRINCIPAL -> {
                RuleViolation.require(tenure.role() == LeaderRole.PRINCIPAL, "R-DOC-1", signer + " is not the "
                        + "principal on " + signedOn + "; another leader signs only by delegation or designation");
                RuleViolation.require(mandate == null, "R-DOC-1",
                        "the principal signs in their own right; a delegation or designation is not recorded");
            }
            case DELEGATED_BY_PRINCIPAL -> {
                RuleViolation.require(principal.isPresent(), "R-DOC-1", "the principal post is vacant on "
                        + signedOn + ", so nobody can delegate the signature; the committee may designate a signer");
                RuleViolation.require(tenure.role() != LeaderRole.PRINCIPAL, "R-DOC-1",
                        "the principal signs in their own right, not by delegation");
                requireMandate(mandate, signedOn);
                RuleViolation.require(principal.get().memberId().equals(mandate.grantedBy()), "R-DOC-1",
                        "the delegation must come from the principal " + principal.get().memberId() + ", not "
                                + mandate.grantedBy());
            }
            case DESIGNATED_BY_COMMITTEE -> {
                requireMandate(mandate, signedOn);
                RuleViolation.require(committeeId.equals(mandate.grantedBy()), "R-DOC-1",
                        "the designation must come from the organ's committee " + committeeId + ", not "
                                + mandate.grantedBy());
                requireText(mandate.documentNo(), "R-DOC-1", "the committee's designation document number");
            }
        }
    }

    private static void requireMandate(SigningMandate mandate, LocalDate signedOn) {
        RuleViolation.require(mandate != null, "R-DOC-1",
                "a signer who is not the principal needs the delegation or designation recorded (signingMandate)");
        requireText(mandate.grantedBy(), "R-DOC-1", "who gave the mandate");
        RuleViolation.requirePresent(mandate.grantedOn(), "R-DOC-1", "the date of the mandate");
        RuleViolation.require(!mandate.grantedOn().isAfter(signedOn), "R-DOC-1",
                "the mandate of " + mandate.grantedOn() + " was given after the signing date " + signedOn);
    }
}
