package org.jiguan.oversight.messaging;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.jiguan.oversight.api.ReminderIssued;
import org.jiguan.oversight.api.ReminderWithdrawn;

/**
 * Keeps {@link IssuedReminders} from the event store, in a tracking processor of its own: after a restart it goes
 * on from its token, and a replay writes the same documents again.
 */
@ProcessingGroup(IssuedReminderProjection.PROCESSING_GROUP)
public class IssuedReminderProjection {
    public static final String PROCESSING_GROUP = "issued-reminders";

    private final IssuedReminders reminders;

    public IssuedReminderProjection(IssuedReminders reminders) {
        this.reminders = reminders;
    }

    @EventHandler
    public void on(ReminderIssued event) {
        reminders.record(event);
    }

    @EventHandler
    public void on(ReminderWithdrawn event) {
        reminders.record(event);
    }
}
