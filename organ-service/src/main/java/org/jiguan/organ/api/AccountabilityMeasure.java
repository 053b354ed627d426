package org.jiguan.organ.api;

/** Accountability measures (R-SUP-7, Art. 28), declared in rising order of severity. */
public enum AccountabilityMeasure {
    /** 谈话提醒. */
    TALK_REMINDER,
    /** 批评教育. */
    CRITICISM_EDUCATION,
    /** 责令检查. */
    ORDERED_SELF_EXAMINATION,
    /** 诫勉. */
    ADMONISHMENT,
    /** 组织处理. */
    ORGANIZATIONAL_HANDLING,
    /** 党纪政务处分. */
    DISCIPLINARY_SANCTION;

    public boolean isHeavierThan(AccountabilityMeasure other) {
        return compareTo(other) > 0;
    }
}
