package org.jiguan.deploy;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The stack's own console lines and the forwarded lines of its children, written whole so they never interleave
 * mid-line. Our text is UTF-8 (for the Chinese names); a child's bytes are passed through untouched.
 */
final class Console {
    private static final String PREFIX = "[jiguan-local] ";
    private static final OutputStream OUT = new FileOutputStream(FileDescriptor.out);

    private Console() {
    }

    static void info(String message) {
        write((PREFIX + message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    static void warn(String message) {
        info("WARNING: " + message);
    }

    /** A line of one part of the stack under its own tag, e.g. {@code [demo] organs 37/89 …}. */
    static void tagged(String tag, String message) {
        write(("[" + tag + "] " + message + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    /** Prints text as is, without the prefix (the banner). */
    static void plain(String text) {
        write((text + System.lineSeparator()).getBytes(StandardCharsets.UTF_8));
    }

    /** A child's line; {@code latin1Line} was read as ISO-8859-1 so its bytes round-trip unchanged. */
    static void child(String serviceName, String latin1Line) {
        byte[] prefix = ("[" + serviceName + "] ").getBytes(StandardCharsets.UTF_8);
        byte[] line = (latin1Line + System.lineSeparator()).getBytes(StandardCharsets.ISO_8859_1);
        byte[] all = new byte[prefix.length + line.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(line, 0, all, prefix.length, line.length);
        write(all);
    }

    private static synchronized void write(byte[] bytes) {
        try {
            OUT.write(bytes);
            OUT.flush();
        } catch (IOException e) {
            // The terminal is gone (e.g. a closed pipe); there is nowhere left to report it.
        }
    }
}
