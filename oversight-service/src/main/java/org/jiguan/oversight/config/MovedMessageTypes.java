package org.jiguan.oversight.config;

import java.util.Map;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Events and snapshots stored before the module took the command services' shape name their classes by the old
 * packages ({@code reminders}); they are read as the same classes under their new names, unchanged otherwise. The
 * stored documents are left as they are.
 */
public class MovedMessageTypes extends SingleEventUpcaster {
    static final Map<String, String> MOVED = Map.of(
            "org.jiguan.oversight.reminders.ReminderIssued", "org.jiguan.oversight.api.ReminderIssued",
            "org.jiguan.oversight.reminders.ReminderWithdrawn", "org.jiguan.oversight.api.ReminderWithdrawn",
            "org.jiguan.oversight.reminders.AnnualReportReminders",
            "org.jiguan.oversight.domain.reports.AnnualReportReminders");

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return MOVED.containsKey(representation.getType().getName());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String moved = MOVED.get(representation.getType().getName());
        return representation.upcastPayload(new SimpleSerializedType(moved, representation.getType().getRevision()),
                String.class, payload -> payload);
    }
}
