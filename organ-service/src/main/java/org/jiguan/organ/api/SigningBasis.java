package org.jiguan.organ.api;

/** R-DOC-1: on what authority a leader signs (签发) a document in the organ's name. */
public enum SigningBasis {
    /** The principal (主要负责同志) signs in their own right. */
    PRINCIPAL,
    /** Another leader delegated by the principal (受主要负责同志委托). */
    DELEGATED_BY_PRINCIPAL,
    /** A leader designated by the party committee (由党委指定). */
    DESIGNATED_BY_COMMITTEE
}
