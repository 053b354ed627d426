package org.jiguan.meeting.api;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Opens the meeting with its attendance (R-MEET-3, R-MEET-5, R-MEET-6).
 *
 * @param organ   the organ as of {@code openedAt}'s date (Asia/Shanghai), resolved by the application layer
 * @param present the voting members present
 * @param absent  the voting members absent, each with an optional written opinion
 */
public record OpenMeeting(@TargetAggregateIdentifier String meetingId, OrganOnDate organ, Instant openedAt,
                          List<String> present, List<Absence> absent) {
}
