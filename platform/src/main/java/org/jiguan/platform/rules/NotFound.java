package org.jiguan.platform.rules;

/** A command or query names something that does not exist (an organ, a leader, a finding): {@code 404}. */
public class NotFound extends RuntimeException {
    public NotFound(String message) {
        super(message);
    }
}
