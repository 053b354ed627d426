package org.jiguan.platform.rules;

/** A command conflicts with the current state without breaking a numbered rule (an id already used): {@code 409}. */
public class Conflict extends RuntimeException {
    public Conflict(String message) {
        super(message);
    }
}
