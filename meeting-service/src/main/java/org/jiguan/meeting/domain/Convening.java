package org.jiguan.meeting.domain;


import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.meeting.api.ConvenerMandate;
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
    static void requireConvener(OrganOnDate organ, String convenerId, ConvenerBasis basis, ConvenerMandate mandate) {
        Mandates.requireActing(organ, convenerId, basis, mandate, "R-MEET-3", "convenes");
    }

    /** Checked on the scheduled date when convening and again on the day the meeting opens. */
    static void requireOrganMeets(OrganOnDate organ) {
        OrganStanding.whyInactive(organ).ifPresent(why -> {
            throw new RuleViolation("R-MEET-3", why + ", so it cannot hold a meeting on " + organ.date());
        });
    }
}
