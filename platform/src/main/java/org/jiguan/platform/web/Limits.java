package org.jiguan.platform.web;

/**
 * The field limits of CONTRACT.md "Limits", for the {@code @Size} annotations of request bodies (which the
 * OpenAPI document states as {@code maxLength} and {@code maxItems}). The body size limit is the property
 * {@code jiguan.web.max-body-size} (see {@link BodySizeLimitFilter}). Every query parameter and path variable is at
 * most {@link #SHORT_TEXT} characters ({@link ParameterLimits}); business dates lie between 1949-10-01 and today, or
 * today + 10 years for those that {@link MayLieAhead} ({@link DateBounds}).
 */
public final class Limits {
    /** Names, ids, document numbers and other short texts, in characters. */
    public static final int SHORT_TEXT = 200;
    /** Summaries, descriptions, reasons, notes and minutes, in characters (64 KiB). */
    public static final int LONG_TEXT = 65536;
    /** Entries of a list: agenda items, absorbed organs, attendees, members present. */
    public static final int LIST = 200;
    /** Counts: quotas, headcounts, tellers' counts (kept far from int overflow when summed over organs). */
    public static final int COUNT = 100_000;
    /** Offsets in days, e.g. a reminder's from the due date: within a year either way. */
    public static final int DAYS = 366;
    /** The highest page index of a paged read. */
    public static final int PAGE = 100_000;

    private Limits() {
    }
}
