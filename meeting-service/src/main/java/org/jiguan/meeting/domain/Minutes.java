package org.jiguan.meeting.domain;

import static org.jiguan.platform.rules.RuleViolation.hasText;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jiguan.meeting.api.BodyMember;
import org.jiguan.meeting.api.ConvenerBasis;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-11 (Art. 20, 21; PG 22): the designated recorder keeps the record; the summary is issued under the
 * principal's signature, or the chair's when the principal delegated the meeting; once issued it never changes.
 */
final class Minutes {
    private final String recorderId;
    private String text;
    private boolean issued;

    Minutes(String recorderId) {
        this.recorderId = recorderId;
    }

    static void requireRecorder(String recorderId) {
        RuleViolation.require(hasText(recorderId), "R-MEET-11", "a meeting needs a designated recorder");
    }

    void requireRecordable(String by, String newText, boolean meetingOpened) {
        requireNotIssued();
        RuleViolation.require(meetingOpened, "R-MEET-11", "minutes are recorded once the meeting has opened");
        RuleViolation.require(recorderId.equals(by), "R-MEET-11",
                "only the designated recorder " + recorderId + " records the minutes, not " + by);
        RuleViolation.require(hasText(newText), "R-MEET-11", "the minutes' text is required");
    }

    /**
     * Who may sign: the principal on the meeting date; the chair when the principal delegated the meeting; and,
     * with the principal post vacant, the chair the committee designated, as nobody else could.
     */
    static Set<String> signers(Optional<BodyMember> principal, ConvenerBasis basis, String convenerId) {
        Set<String> signers = new LinkedHashSet<>();
        principal.ifPresent(p -> signers.add(p.memberId()));
        if (basis == ConvenerBasis.DELEGATED_BY_PRINCIPAL || principal.isEmpty()) {
            signers.add(convenerId);
        }
        return signers;
    }

    void requireIssuable(String signedBy, Set<String> signers, boolean everyItemClosedOrMeetingAdjourned) {
        requireNotIssued();
        RuleViolation.require(text != null, "R-MEET-11", "there are no minutes recorded to issue");
        RuleViolation.require(everyItemClosedOrMeetingAdjourned, "R-MEET-11",
                "the minutes are issued once every item is closed or the meeting has ended");
        RuleViolation.require(signedBy != null && signers.contains(signedBy), "R-MEET-11",
                "the minutes are signed by " + signers + ", not " + signedBy);
    }

    /** Minutes recorded after the fact say when they were signed; otherwise they are signed now. */
    static Instant requireIssueTime(Instant issuedAt, Instant openedAt, Clock clock) {
        Instant at = issuedAt == null ? clock.instant() : issuedAt;
        RuleViolation.requirePresent(at, "R-MEET-11", "the time the minutes were issued");
        RuleViolation.require(openedAt == null || !at.isBefore(openedAt), "R-MEET-11",
                "minutes cannot be issued at " + at + ", before the meeting opened at " + openedAt);
        return at;
    }

    private void requireNotIssued() {
        RuleViolation.require(!issued, "R-MEET-11", "the minutes have been issued and cannot change");
    }

    void recorded(String newText) {
        text = newText;
    }

    void issued() {
        issued = true;
    }

    /** Value equality, so Axon's test fixture can tell the state built by commands from the state replayed from events. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Minutes that
                && Objects.equals(recorderId, that.recorderId) && Objects.equals(text, that.text) && Objects.equals(issued, that.issued);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recorderId, text, issued);
    }
}
