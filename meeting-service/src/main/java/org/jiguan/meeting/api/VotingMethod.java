package org.jiguan.meeting.api;

/** R-MEET-9: how an item is voted (PG 21). */
public enum VotingMethod {
    /** 口头. */
    ORAL,
    /** 举手. */
    SHOW_OF_HANDS,
    /** 无记名投票: the record keeps who voted, not how. */
    SECRET_BALLOT,
    /** 记名投票. */
    ROLL_CALL
}
