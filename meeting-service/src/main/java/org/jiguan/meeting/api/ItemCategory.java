package org.jiguan.meeting.api;

/** R-MEET-2: what an agenda item is about, and so which meeting may decide it and how. */
public enum ItemCategory {
    /** 贯彻落实党中央决策部署. */
    CENTRAL_POLICY,
    /** 上级党组织决策部署. */
    UPPER_LEVEL_DIRECTIVE,
    /** 政策措施. */
    POLICY_MEASURES,
    /** 重大决策 (三重一大). */
    MAJOR_DECISION,
    /** 重要人事任免 (三重一大); needs two thirds present (R-MEET-6). */
    PERSONNEL,
    /** 重大项目安排 (三重一大). */
    MAJOR_PROJECT,
    /** 大额资金使用 (三重一大). */
    LARGE_FUNDS,
    /** 请示报告. */
    REPORT_TO_COMMITTEE,
    /** 党的建设. */
    PARTY_BUILDING,
    /** 其他应当由部务会议决定的事项. */
    OTHER,
    /** 处分党员 (PG 20); needs two thirds present (R-MEET-6). */
    DISCIPLINE,
    /** 推动落实、专题工作: what an office meeting may itself decide (R-MEET-1). */
    IMPLEMENTATION;

    /** The four of 三重一大, which need their preparation recorded before the vote (R-MEET-8). */
    public boolean isMajor() {
        return this == MAJOR_DECISION || this == PERSONNEL || this == MAJOR_PROJECT || this == LARGE_FUNDS;
    }

    /** Matters that belong to the affairs meeting, which an office meeting must not decide (R-MEET-1). */
    public boolean decidedByAffairsMeeting() {
        return this != IMPLEMENTATION;
    }

    /** Personnel and discipline items need two thirds of the body present (R-MEET-6). */
    public boolean needsTwoThirdsPresent() {
        return this == PERSONNEL || this == DISCIPLINE;
    }
}
