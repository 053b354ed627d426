package org.jiguan.platform.web;

/**
 * The field limits of CONTRACT.md "Limits", for the {@code @Size} annotations of request bodies (which the
 * OpenAPI document states as {@code maxLength} and {@code maxItems}). The body size limit is the property
 * {@code jiguan.web.max-body-size} (see {@link BodySizeLimitFilter}).
 */
public final class Limits {
    /** Names, ids, document numbers and other short texts, in characters. */
    public static final int SHORT_TEXT = 200;
    /** Summaries, descriptions, reasons, notes and minutes, in characters (64 KiB). */
    public static final int LONG_TEXT = 65536;
    /** Entries of a list: agenda items, absorbed organs, attendees, members present. */
    public static final int LIST = 200;

    private Limits() {
    }
}
