package org.jiguan.platform.security;

/** The caller is authenticated but the act is outside its role or scope: {@code 403}. */
public class Forbidden extends RuntimeException {
    public Forbidden(String message) {
        super(message);
    }
}
