package org.jiguan.oversight.api;

/** The ids of the reminder messages: one aggregate per organ and year, one reminder per stage of it. */
public final class ReminderIds {
    private ReminderIds() {
    }

    /** The organ-and-year aggregate the reminder commands go to: {@code <organId>:<year>}. */
    public static String remindersOf(String organId, int year) {
        return organId + ":" + year;
    }

    /** One stage issued: {@code <organId>:<year>:<stage>}, the same however often its event is delivered. */
    public static String reminderOf(String organId, int year, ReminderStage stage) {
        return remindersOf(organId, year) + ":" + stage;
    }
}
