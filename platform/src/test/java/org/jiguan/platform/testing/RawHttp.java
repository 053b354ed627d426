package org.jiguan.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Sends a request line exactly as given, bytes a well-behaved client library refuses to send (a {@code |} or a
 * broken {@code %} escape in the query), and reads the answer's status, content type and body.
 */
public final class RawHttp {
    private RawHttp() {
    }

    public record Answer(int status, String contentType, String body) {
    }

    public static Answer get(int port, String rawTarget, String token) {
        String request = "GET " + rawTarget + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Accept: application/json\r\nConnection: close\r\n\r\n";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            String answer = readAll(socket.getInputStream());
            int headerEnd = answer.indexOf("\r\n\r\n");
            String head = headerEnd < 0 ? answer : answer.substring(0, headerEnd);
            String body = headerEnd < 0 ? "" : answer.substring(headerEnd + 4);
            int status = Integer.parseInt(head.substring(9, 12));
            String contentType = null;
            for (String line : head.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = line.substring("content-type:".length()).trim();
                }
            }
            return new Answer(status, contentType, body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
