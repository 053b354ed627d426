package org.jiguan.oversight.web;

import org.jiguan.oversight.web.ReminderQueryController.Since;
import org.jiguan.platform.web.DateBounds;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * A {@code since} parameter (reminders, refusals) held to the range of every query date by the platform's
 * {@link DateBounds}: out of it, or unreadable, it is 400 VALIDATION naming it, never an overflow further on (found
 * by the API fuzz: year 999,999,999 was a 500).
 */
@ControllerAdvice
public class SinceInRange {
    private final DateBounds bounds;

    public SinceInRange(DateBounds bounds) {
        this.bounds = bounds;
    }

    @InitBinder
    void since(WebDataBinder binder) {
        bounds.register(binder, Since.class, Since::valueOf, Since::instant);
    }
}
