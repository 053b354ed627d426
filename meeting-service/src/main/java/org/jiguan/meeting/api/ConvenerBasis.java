package org.jiguan.meeting.api;

/** R-MEET-3: on what authority the convener convenes and chairs the meeting. */
public enum ConvenerBasis {
    /** The principal (正职) convenes. */
    PRINCIPAL,
    /** Another leader delegated by the principal (受正职委托). */
    DELEGATED_BY_PRINCIPAL,
    /** A leader designated by the party committee (由党委指定). */
    DESIGNATED_BY_COMMITTEE
}
