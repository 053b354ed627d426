package org.jiguan.oversight.domain.views;

/** Where an organ stands at the end of a day. */
public enum OrganStatus {
    /** Known, but its establishment date is after the day. */
    NOT_YET_ESTABLISHED,
    ACTIVE,
    /** Abolished (on its own or absorbed by a merger) on or before the day; its history stays readable (R-ORG-4). */
    ABOLISHED
}
