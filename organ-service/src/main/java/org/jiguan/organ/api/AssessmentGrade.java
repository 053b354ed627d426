package org.jiguan.organ.api;

/** Assessment grades (R-SUP-6), best first. */
public enum AssessmentGrade {
    /** 优秀. */
    EXCELLENT,
    /** 良好. */
    GOOD,
    /** 一般. */
    FAIR,
    /** 较差. */
    POOR
}
