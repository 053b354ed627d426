package org.jiguan.meeting.api;

/** R-MEET-8: the steps a major item goes through before it is put to the vote (Art. 19). */
public enum PreparationStep {
    /** 调查研究. */
    INVESTIGATION,
    /** 征求意见. */
    CONSULTATION,
    /** 专业评估. */
    EXPERT_EVALUATION,
    /** 合规合法性审查. */
    LEGALITY_REVIEW,
    /** 宏观政策取向一致性评估, only where the item bears on macro policy. */
    MACRO_POLICY_ASSESSMENT
}
