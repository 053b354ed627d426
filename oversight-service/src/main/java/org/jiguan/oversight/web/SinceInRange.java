package org.jiguan.oversight.web;

import java.beans.PropertyEditorSupport;
import java.time.Clock;
import java.time.DateTimeException;

import org.jiguan.oversight.web.ReminderQueryController.Since;
import org.jiguan.platform.time.BusinessCalendar;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A {@code since} parameter (reminders, refusals) held to the range of every query date
 * ({@link BusinessCalendar#outOfRange}, as the platform's DateBounds holds the others): out of it, or unreadable, it
 * is 400 VALIDATION naming it, never an overflow further on (found by the API fuzz: year 999,999,999 was a 500).
 */
@ControllerAdvice
public class SinceInRange {
    private final Clock clock;

    public SinceInRange(Clock clock) {
        this.clock = clock;
    }

    @InitBinder
    void since(WebDataBinder binder) {
        binder.registerCustomEditor(Since.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                if (text == null || text.isBlank()) {
                    setValue(null);
                    return;
                }
                Since since;
                try {
                    since = Since.valueOf(text);
                } catch (DateTimeException e) {
                    throw new IllegalArgumentException("'" + text + "' is neither an ISO-8601 date nor an instant");
                }
                BusinessCalendar.outOfRange(since.instant(), clock, true).ifPresent(problem -> {
                    throw new IllegalArgumentException(problem);
                });
                setValue(since);
            }
        });
    }
}
