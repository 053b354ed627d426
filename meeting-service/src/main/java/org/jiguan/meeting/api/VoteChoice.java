package org.jiguan.meeting.api;

/** R-MEET-9. */
public enum VoteChoice {
    FOR,
    AGAINST,
    ABSTAIN
}
