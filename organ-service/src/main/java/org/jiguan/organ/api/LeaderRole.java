package org.jiguan.organ.api;

/** Roles in an organ's leadership body (R-LEAD-1). The last two exist only under R-LEAD-5's exception. */
public enum LeaderRole {
    /** 正职. */
    PRINCIPAL,
    /** 副职. */
    DEPUTY,
    /** 分管日常工作的副职 (R-LEAD-4). */
    EXECUTIVE_DEPUTY,
    /** 派驻纪检监察组组长. */
    DISCIPLINE_GROUP_LEADER,
    MEMBER,
    /** 正职领导助理 (R-LEAD-5). */
    ASSISTANT_TO_PRINCIPAL,
    /** 秘书长 (R-LEAD-5). */
    SECRETARY_GENERAL
}
