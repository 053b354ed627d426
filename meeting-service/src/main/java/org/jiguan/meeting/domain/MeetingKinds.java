package org.jiguan.meeting.domain;

import org.jiguan.meeting.api.AgendaItem;
import org.jiguan.meeting.api.MeetingKind;
import org.jiguan.platform.rules.RuleViolation;

/** R-MEET-1: the affairs meeting decides; the office meeting pushes implementation and decides only that. */
final class MeetingKinds {
    private MeetingKinds() {
    }

    static void requireKind(MeetingKind kind) {
        RuleViolation.require(kind != null, "R-MEET-1", "the kind of meeting (AFFAIRS or OFFICE) is required");
    }

    /** An office meeting may discuss anything, but a vote is a decision, so that is where the line is drawn. */
    static void requireMayDecide(MeetingKind kind, AgendaItem item) {
        RuleViolation.require(kind == MeetingKind.AFFAIRS || !item.category().decidedByAffairsMeeting(), "R-MEET-1",
                "an office meeting must not decide item " + item.itemId() + " (" + item.category()
                        + "): it is a matter for the affairs meeting");
    }
}
