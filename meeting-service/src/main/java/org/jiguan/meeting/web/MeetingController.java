package org.jiguan.meeting.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.jiguan.meeting.api.AddAgendaItem;
import org.jiguan.meeting.api.AdjournMeeting;
import org.jiguan.meeting.api.CloseItem;
import org.jiguan.meeting.api.ConveneMeeting;
import org.jiguan.meeting.api.DeclareRecusal;
import org.jiguan.meeting.api.IssueMinutes;
import org.jiguan.meeting.api.OpenMeeting;
import org.jiguan.meeting.api.OpenVoting;
import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.api.RecordMinutes;
import org.jiguan.meeting.api.RecordPreparation;
import org.jiguan.meeting.api.RecordVote;
import org.jiguan.meeting.web.MeetingRequests.AdjournBody;
import org.jiguan.meeting.web.MeetingRequests.AgendaItemBody;
import org.jiguan.meeting.web.MeetingRequests.ClosingBody;
import org.jiguan.meeting.web.MeetingRequests.ConveneBody;
import org.jiguan.meeting.web.MeetingRequests.IssueBody;
import org.jiguan.meeting.web.MeetingRequests.MinutesBody;
import org.jiguan.meeting.web.MeetingRequests.OpeningBody;
import org.jiguan.meeting.web.MeetingRequests.PreparationBody;
import org.jiguan.meeting.web.MeetingRequests.RecusalBody;
import org.jiguan.meeting.web.MeetingRequests.VoteBody;
import org.jiguan.meeting.web.MeetingRequests.VotingBody;
import org.jiguan.platform.security.Caller.Role;
import org.jiguan.platform.security.Roles;
import org.jiguan.platform.time.BusinessCalendar;
import org.jiguan.platform.web.ClientIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Affairs and office meetings, from convening to issued minutes (R-MEET-1 to R-MEET-11). */
@Roles(Role.ORGAN_OFFICE)
@RestController
@RequestMapping("/api/v1/meetings")
@Tag(name = "Meetings 会议", description = "Convening, notice, attendance, quorum, recusal, per-item votes and "
        + "outcomes, minutes (R-MEET-1 to R-MEET-11)")
public class MeetingController {
    private final CommandGateway commands;
    private final MeetingAccess access;

    public MeetingController(CommandGateway commands, MeetingAccess access) {
        this.commands = commands;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Convene a meeting with its agenda and notice (R-MEET-1 to R-MEET-4)",
            description = "The leadership body and status of the organ on the scheduled date come from "
                    + "meeting-service's view of organ-events; an organ not yet known there is 409.")
    public ResponseEntity<Map<String, Object>> convene(@Valid @RequestBody ConveneBody body) {
        Instant scheduledAt = body.scheduledAt().toInstant();
        OrganOnDate organ = access.organOfficeFor(body.organId(), dateOf(scheduledAt));
        String meetingId = ClientIds.orNew(body.meetingId());
        commands.sendAndWait(new ConveneMeeting(meetingId, organ, body.kind(), body.convenerId(),
                body.convenerBasis(), body.mandate() == null ? null : body.mandate().toMandate(), scheduledAt,
                instant(body.noticeGivenAt()), Boolean.TRUE.equals(body.emergency()), body.emergencyReason(),
                body.recorderId(), body.items(), body.attendees()));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meetingId))
                .body(Map.of("meetingId", meetingId, "organId", body.organId()));
    }

    @PostMapping("/{meetingId}/items")
    @Operation(summary = "Add an item raised at an emergency meeting; refused otherwise (R-MEET-4)")
    public ResponseEntity<Map<String, Object>> addItem(@PathVariable String meetingId,
                                                       @Valid @RequestBody AgendaItemBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new AddAgendaItem(meetingId, body.toItem()));
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + meetingId + "/items/" + body.itemId()))
                .body(Map.of("meetingId", meetingId, "itemId", body.itemId()));
    }

    @PostMapping("/{meetingId}/items/{itemId}/preparation")
    @Operation(summary = "Record a preparation step of an item (R-MEET-8)")
    public Map<String, Object> recordPreparation(@PathVariable String meetingId, @PathVariable String itemId,
                                                 @Valid @RequestBody PreparationBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new RecordPreparation(meetingId, itemId, body.step(), body.completedOn(), body.note()));
        return Map.of("meetingId", meetingId, "itemId", itemId, "step", body.step());
    }

    @PostMapping("/{meetingId}/opening")
    @Operation(summary = "Open the meeting with who is present and absent (R-MEET-5, R-MEET-6)",
            description = "Voting members are the organ's leadership body on the date the meeting opens.")
    public Map<String, Object> open(@PathVariable String meetingId, @Valid @RequestBody OpeningBody body) {
        Instant openedAt = body.openedAt().toInstant();
        OrganOnDate organ = access.meetingOfficeFor(meetingId, dateOf(openedAt));
        commands.sendAndWait(new OpenMeeting(meetingId, organ, openedAt, body.present(), body.absences()));
        return Map.of("meetingId", meetingId, "votingMembers", organ.members().size(),
                "present", body.present().size());
    }

    @PostMapping("/{meetingId}/items/{itemId}/recusals")
    @Operation(summary = "A member recuses from an item (R-MEET-7)")
    public Map<String, Object> recuse(@PathVariable String meetingId, @PathVariable String itemId,
                                      @Valid @RequestBody RecusalBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new DeclareRecusal(meetingId, itemId, body.memberId(), body.reason()));
        return Map.of("meetingId", meetingId, "itemId", itemId, "memberId", body.memberId());
    }

    @PostMapping("/{meetingId}/items/{itemId}/voting")
    @Operation(summary = "Put an item to the vote (R-MEET-1, R-MEET-6, R-MEET-8, R-MEET-9)")
    public Map<String, Object> openVoting(@PathVariable String meetingId, @PathVariable String itemId,
                                          @Valid @RequestBody VotingBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new OpenVoting(meetingId, itemId, body.method()));
        return Map.of("meetingId", meetingId, "itemId", itemId, "method", body.method());
    }

    @PostMapping("/{meetingId}/items/{itemId}/votes")
    @Operation(summary = "Record one member's vote on an item (R-MEET-5, R-MEET-7, R-MEET-9)",
            description = "Under SECRET_BALLOT send no choice: the record keeps who voted, not how; the tellers' "
                    + "count comes with the closing.")
    public Map<String, Object> vote(@PathVariable String meetingId, @PathVariable String itemId,
                                    @Valid @RequestBody VoteBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new RecordVote(meetingId, itemId, body.memberId(), body.choice()));
        return Map.of("meetingId", meetingId, "itemId", itemId, "memberId", body.memberId());
    }

    @PostMapping("/{meetingId}/items/{itemId}/closing")
    @Operation(summary = "Close an item: adopted, rejected, or deferred by the chair (R-MEET-10)",
            description = "Adopted only when FOR votes exceed half of all voting members who should attend, "
                    + "present or not. An adopted item becomes a decision (decisionId, generated when not given).")
    public Map<String, Object> close(@PathVariable String meetingId, @PathVariable String itemId,
                                     @Valid @RequestBody ClosingBody body) {
        access.meetingOffice(meetingId);
        boolean defer = Boolean.TRUE.equals(body.defer());
        String decisionId = commands.sendAndWait(new CloseItem(meetingId, itemId,
                body.decisionId(), body.positionsOrder(), defer, body.reason(),
                body.count(), instant(body.closedAt())));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meetingId", meetingId);
        answer.put("itemId", itemId);
        answer.put("outcome", defer ? "DEFERRED" : decisionId != null ? "ADOPTED" : "REJECTED");
        answer.put("decisionId", decisionId);
        return answer;
    }

    @PostMapping("/{meetingId}/minutes")
    @Operation(summary = "The designated recorder records the minutes; revisable until issued (R-MEET-11)")
    public Map<String, Object> recordMinutes(@PathVariable String meetingId, @Valid @RequestBody MinutesBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new RecordMinutes(meetingId, body.recorderId(), body.text()));
        return Map.of("meetingId", meetingId, "recorderId", body.recorderId());
    }

    @PostMapping("/{meetingId}/minutes/issue")
    @Operation(summary = "Issue the meeting summary under the principal's signature; then immutable (R-MEET-11)")
    public Map<String, Object> issueMinutes(@PathVariable String meetingId, @Valid @RequestBody IssueBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new IssueMinutes(meetingId, body.signedBy(), instant(body.issuedAt()),
                body.circulation() == null ? null : body.circulation().scope()));
        return Map.of("meetingId", meetingId, "signedBy", body.signedBy());
    }

    @PostMapping("/{meetingId}/adjournment")
    @Operation(summary = "Adjourn the meeting")
    public Map<String, Object> adjourn(@PathVariable String meetingId, @Valid @RequestBody AdjournBody body) {
        access.meetingOffice(meetingId);
        commands.sendAndWait(new AdjournMeeting(meetingId, body.at().toInstant()));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("meetingId", meetingId);
        answer.put("adjournedAt", body.at());
        return answer;
    }

    /** The business date the domain judges the act on: Beijing time, whatever the server's clock says. */
    private static LocalDate dateOf(Instant instant) {
        return BusinessCalendar.dateOf(instant);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
