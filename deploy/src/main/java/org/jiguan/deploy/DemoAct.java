package org.jiguan.deploy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One act of the demo data set: a POST to organ-service or meeting-service with its body.
 *
 * @param id      a readable id, unique in the plan; it is also the act's {@code Idempotency-Key}
 * @param service which service receives it
 * @param path    the endpoint, e.g. {@code /api/v1/organs/jn-zzb/leaders}
 * @param body    the JSON body, in a fixed field order so that a second run sends the very same bytes
 * @param phase   the progress line it counts under ({@code organs}, {@code leaders}, {@code meetings}, …)
 * @param group   the organ, meeting or decision it belongs to
 * @param lane    acts of one lane go in order; lanes of one phase may go in parallel (an organ's acts; a
 *                committee's new organs, which share its quota; an organ's meetings and decisions)
 * @param creates true for the act that creates its group (a committee, organ, meeting or urgent decision)
 * @param counts  what it adds to the data set, for the summary (e.g. {@code organs}), or null
 */
record DemoAct(String id, Service service, String path, Map<String, Object> body, String phase, String group,
               String lane, boolean creates, String counts) {

    enum Service { ORGANS, MEETINGS }

    /** A JSON object from name/value pairs, in order; null values are left out. */
    static Map<String, Object> json(Object... namesAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            if (value != null) {
                body.put((String) namesAndValues[i], value instanceof java.time.temporal.Temporal ? value.toString() : value);
            }
        }
        return body;
    }
}
