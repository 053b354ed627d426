package org.jiguan.organ.api;

/** Who approved an establishment act (R-ORG-2). */
public enum Approver {
    /** 党中央: approves acts concerning organs of the central committee. */
    PARTY_CENTRE,
    /** The organ's own committee: enough for internal bodies (R-ORG-5). */
    COMMITTEE,
    /** 上一级机构编制委员会: approves acts concerning organs of a local committee. */
    UPPER_ESTABLISHMENT_COMMITTEE
}
