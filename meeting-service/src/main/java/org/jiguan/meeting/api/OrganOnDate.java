package org.jiguan.meeting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * An organ as it stood on {@code date}: its status and its leadership body. The application layer resolves it from
 * meeting-service's local view of {@code organ-events} and puts it into the commands that need it; clients never
 * send it.
 *
 * @param date          the business date the snapshot describes (the meeting's date in Asia/Shanghai)
 * @param members       the leadership body on {@code date}: the voting members (R-MEET-5)
 * @param establishedOn when the organ was established, if known (for messages)
 * @param abolishedOn   when the organ was abolished, if it was (for messages)
 */
public record OrganOnDate(String organId, String committeeId, String organName, LocalDate date, OrganStatus status,
                          List<BodyMember> members, LocalDate establishedOn, LocalDate abolishedOn) {

    public OrganOnDate {
        members = members == null ? List.of() : List.copyOf(members);
    }

    public OrganOnDate(String organId, String committeeId, String organName, LocalDate date, OrganStatus status,
                       List<BodyMember> members) {
        this(organId, committeeId, organName, date, status, members, null, null);
    }
}
