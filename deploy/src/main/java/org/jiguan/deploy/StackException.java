package org.jiguan.deploy;

/** A failure the developer can act on; its message is printed without a stack trace. */
final class StackException extends RuntimeException {
    StackException(String message) {
        super(message);
    }

    StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
