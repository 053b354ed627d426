package org.jiguan.oversight.domain.views;

/** An inspection finding at the end of a day (R-SUP-4); the three are exclusive. */
public enum FindingStatus {
    /** Not rectified, and its rectification deadline has not passed. */
    OPEN,
    /** Not rectified, and the day is after its rectification deadline. */
    OVERDUE,
    /** A rectification reported it completed. */
    RECTIFIED
}
