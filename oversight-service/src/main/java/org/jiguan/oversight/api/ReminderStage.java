package org.jiguan.oversight.api;


import java.util.Arrays;
import java.util.List;

/**
 * The reminder stages of R-SUP-2, in the order they fire. Each has a default offset in days from the due date;
 * a committee's policy may set others (the policy's offsets).
 */
public enum ReminderStage {
    /** 30 days before: the report will be due. */
    UPCOMING(-30),
    /** 7 days before. */
    DUE_SOON(-7),
    /** On the due date. */
    DUE(0),
    /** The day after: the report is late. */
    OVERDUE(1),
    /** 30 days after: raised to the committee's organization department. */
    ESCALATED(30);

    private final int defaultOffsetDays;

    ReminderStage(int defaultOffsetDays) {
        this.defaultOffsetDays = defaultOffsetDays;
    }

    public int defaultOffsetDays() {
        return defaultOffsetDays;
    }

    /** A warning before the due date, as opposed to a chase after it. */
    public boolean isAdvanceWarning() {
        return compareTo(DUE) < 0;
    }

    public static List<Integer> defaultOffsets() {
        return Arrays.stream(values()).map(ReminderStage::defaultOffsetDays).toList();
    }
}
