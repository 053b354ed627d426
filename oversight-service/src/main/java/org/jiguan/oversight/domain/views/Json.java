package org.jiguan.oversight.domain.views;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * Defensive reading of producers' event data by field name: services share no code, only the JSON contract, so
 * a missing or null field reads as null (or 0/false), never as an error. Dotted names reach nested objects.
 */
final class Json {
    private Json() {
    }

    static JsonNode at(JsonNode data, String path) {
        JsonNode node = data;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isNull() || node.isMissingNode() ? null : node;
    }

    static String text(JsonNode data, String path) {
        JsonNode node = at(data, path);
        return node == null ? null : node.asText();
    }

    static int integer(JsonNode data, String path) {
        JsonNode node = at(data, path);
        return node == null ? 0 : node.asInt();
    }

    static Integer optionalInteger(JsonNode data, String path) {
        JsonNode node = at(data, path);
        return node == null || !node.canConvertToInt() ? null : node.asInt();
    }

    static boolean bool(JsonNode data, String path) {
        JsonNode node = at(data, path);
        return node != null && node.asBoolean();
    }

    /** A date field; one that is not a date reads as absent, so one bad field cannot break every read. */
    static LocalDate date(JsonNode data, String path) {
        String value = text(data, path);
        try {
            return value == null ? null : parseDay(value);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** An instant field (with offset), or a date taken as its start in Beijing; anything else reads as absent. */
    static Instant instant(JsonNode data, String path) {
        String value = text(data, path);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            try {
                return value.length() == 10 ? BusinessCalendar.startOf(LocalDate.parse(value))
                        : OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeException notATime) {
                return null;
            }
        }
    }

    /** An ISO date, or an instant taken as its date in Beijing (business dates are Chinese dates). */
    static LocalDate parseDay(String value) {
        if (value.length() == 10) {
            return LocalDate.parse(value);
        }
        try {
            return BusinessCalendar.dateOf(Instant.parse(value));
        } catch (DateTimeParseException e) {
            return BusinessCalendar.dateOf(OffsetDateTime.parse(value).toInstant());
        }
    }

    static List<String> texts(JsonNode data, String path) {
        List<String> values = new ArrayList<>();
        JsonNode node = at(data, path);
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    static List<JsonNode> nodes(JsonNode data, String path) {
        List<JsonNode> values = new ArrayList<>();
        JsonNode node = at(data, path);
        if (node != null && node.isArray()) {
            node.forEach(values::add);
        }
        return values;
    }
}
