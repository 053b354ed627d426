package org.jiguan.platform.messaging;

/**
 * An event that can never be applied as it is (unreadable, or missing what the view needs). It goes to the
 * dead letters at once instead of being retried; a failing store is not this, and is retried until it works.
 */
public class UnprocessableEvent extends RuntimeException {
    public UnprocessableEvent(String message) {
        super(message);
    }

    public UnprocessableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
