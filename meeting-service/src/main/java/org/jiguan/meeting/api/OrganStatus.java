package org.jiguan.meeting.api;

/** Where an organ stands on a given date, as meeting-service's local view of organ-service knows it. */
public enum OrganStatus {
    /** The date is before the organ's establishment date. */
    NOT_YET_ESTABLISHED,
    ACTIVE,
    /** The organ was abolished (or merged into another) on or before the date. */
    ABOLISHED
}
