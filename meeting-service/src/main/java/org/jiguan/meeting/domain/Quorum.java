package org.jiguan.meeting.domain;

import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-6 (PG 20): more than half of the body present to meet; at least two thirds, not counting members who recused
 * from the item, to decide personnel or discipline. Integer arithmetic, so 7 members need 4 and 5, not 3.5 and 4.67.
 */
final class Quorum {
    private Quorum() {
    }

    static void requireToOpen(int present, int membersWhoShouldAttend) {
        RuleViolation.require(present * 2 > membersWhoShouldAttend, "R-MEET-6", present + " of "
                + membersWhoShouldAttend + " voting members present is not more than half");
    }

    static void requireForItem(AgendaItem item, int presentNotRecused, int membersWhoShouldAttend) {
        if (!item.category().needsTwoThirdsPresent()) {
            return;
        }
        RuleViolation.require(presentNotRecused * 3 >= membersWhoShouldAttend * 2, "R-MEET-6",
                "item " + item.itemId() + " (" + item.category() + ") needs two thirds of the "
                        + membersWhoShouldAttend + " voting members present and not recused; there are "
                        + presentNotRecused);
    }
}
