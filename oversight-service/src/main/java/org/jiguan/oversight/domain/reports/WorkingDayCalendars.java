package org.jiguan.oversight.domain.reports;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Loads working-day calendars from the classpath, {@code calendars/<NAME>.json}:
 * {@code {"name":"CN","announcedYears":[2026],"holidays":["2026-01-01",…],"makeUpWorkingDays":["2026-01-04",…]}}.
 * A new year's announcement or a new calendar is a data change, not a code change.
 */
public final class WorkingDayCalendars {
    /** Names become resource paths; anything but a plain name could reach another resource. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,40}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, WorkingDayCalendar> LOADED = new ConcurrentHashMap<>();

    private WorkingDayCalendars() {
    }

    public static WorkingDayCalendar named(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new UnknownCalendar(String.valueOf(name), "a calendar name is letters, digits, '_' or '-'");
        }
        return LOADED.computeIfAbsent(name, WorkingDayCalendars::load);
    }

    private static WorkingDayCalendar load(String name) {
        String resource = "calendars/" + name + ".json";
        try (InputStream in = WorkingDayCalendars.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new UnknownCalendar(name, "no classpath resource " + resource);
            }
            JsonNode root = JSON.readTree(in);
            if (!name.equals(root.path("name").asText())) {
                throw new IllegalStateException(resource + " names calendar '" + root.path("name").asText() + "'");
            }
            List<Integer> years = new ArrayList<>();
            root.path("announcedYears").forEach(year -> years.add(year.asInt()));
            return new WorkingDayCalendar(name, dates(root, "holidays", resource),
                    dates(root, "makeUpWorkingDays", resource), Set.copyOf(years));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    private static Set<LocalDate> dates(JsonNode root, String field, String resource) {
        Set<LocalDate> dates = new HashSet<>();
        for (JsonNode date : root.path(field)) {
            try {
                dates.add(LocalDate.parse(date.asText()));
            } catch (DateTimeParseException e) {
                throw new IllegalStateException(resource + ": " + field + " has '" + date.asText() + "', not an ISO date", e);
            }
        }
        return dates;
    }
}
