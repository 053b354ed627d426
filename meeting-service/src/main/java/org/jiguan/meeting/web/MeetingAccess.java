package org.jiguan.meeting.web;

import java.time.LocalDate;

import org.jiguan.meeting.api.OrganOnDate;
import org.jiguan.meeting.messaging.OrganBodies;
import org.jiguan.meeting.messaging.OrganBodies.KnownOrgan;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.security.Caller;
import org.springframework.stereotype.Component;

/**
 * Scope checks for meeting-service acts, and the organ as of a business date from the local view of
 * {@code organ-events}. An organ whose events have not arrived yet is a 409 that says so, never a guess.
 */
@Component
public class MeetingAccess {
    private final OrganBodies organs;
    private final MeetingDirectory directory;

    public MeetingAccess(OrganBodies organs, MeetingDirectory directory) {
        this.organs = organs;
        this.directory = directory;
    }

    /** The organ on {@code date}, once the caller may act for it as its office. */
    public OrganOnDate organOfficeFor(String organId, LocalDate date) {
        KnownOrgan organ = known(organId);
        Caller.current().requireOrganOffice(organ.committeeId(), organId);
        return organ.on(date);
    }

    /** The organ of a meeting on {@code date}, once the caller may act for it as its office. */
    public OrganOnDate meetingOfficeFor(String meetingId, LocalDate date) {
        String organId = meetingOffice(meetingId);
        return known(organId).on(date);
    }

    /** The organ on {@code date}, for an act the caller was already allowed. */
    public OrganOnDate organOn(String organId, LocalDate date) {
        return known(organId).on(date);
    }

    /** Returns the meeting's organ once the caller may act for it as its office. */
    public String meetingOffice(String meetingId) {
        MeetingDirectory.OrganRef organ = directory.ofMeeting(meetingId);
        Caller.current().requireOrganOffice(organ.committeeId(), organ.organId());
        return organ.organId();
    }

    /** @return the id of the organ whose decision it is */
    public String decisionOffice(String decisionId) {
        MeetingDirectory.OrganRef organ = directory.ofDecision(decisionId);
        Caller.current().requireOrganOffice(organ.committeeId(), organ.organId());
        return organ.organId();
    }

    /** Revocation and change are the committee's (R-MEET-13): its office, within its scope. */
    public void committeeOfficeOverDecision(String decisionId) {
        Caller.current().requireCommitteeOffice(directory.ofDecision(decisionId).committeeId());
    }

    private KnownOrgan known(String organId) {
        return organs.find(organId).orElseThrow(() -> new Conflict("Organ " + organId
                + " is not yet known to meeting-service: its events from organ-service have not arrived. "
                + "If the organ was just created, retry in a moment."));
    }
}
