package org.jiguan.organ.api;

/** Kinds of working organ (R-ORG-1, Art. 5, 12–15). */
public enum OrganKind {
    /** 办公厅(室): at most one per committee. */
    GENERAL_OFFICE,
    /** 职能部门. */
    FUNCTIONAL_DEPARTMENT,
    /** 办事机构: the standing office of a deliberation and coordination body, which it names. */
    WORKING_BODY,
    /** 派出机关: names the field, industry or system it leads. */
    DISPATCHED_ORGAN
}
