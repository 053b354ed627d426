package org.jiguan.meeting.api;

/**
 * Roles in an organ's leadership body (DOMAIN.md R-LEAD-1). A local copy of organ-service's enum: services share
 * no domain code, only the event contract.
 */
public enum LeaderRole {
    /** 正职. */
    PRINCIPAL,
    /** 副职. */
    DEPUTY,
    /** 分管日常工作的副职. */
    EXECUTIVE_DEPUTY,
    /** 派驻纪检监察组组长. */
    DISCIPLINE_GROUP_LEADER,
    MEMBER,
    /** 正职领导助理 (exists only under R-LEAD-5's exception). */
    ASSISTANT_TO_PRINCIPAL,
    /** 秘书长 (exists only under R-LEAD-5's exception). */
    SECRETARY_GENERAL
}
