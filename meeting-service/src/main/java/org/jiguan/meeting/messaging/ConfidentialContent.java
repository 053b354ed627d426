package org.jiguan.meeting.messaging;

import org.jiguan.meeting.api.Absence;
import org.jiguan.meeting.api.MeetingOpened;
import org.jiguan.meeting.api.MemberRecused;
import org.jiguan.meeting.api.MinutesRecorded;
import org.jiguan.meeting.api.VoteRecorded;
import org.jiguan.platform.messaging.PublishedForm;

/**
 * R-MEET-15 保密: what of a meeting-service event may go on {@code meeting-events}, the analytics stream. Minutes
 * text, written opinions, recusal reasons and how a member voted in an open vote are left out (written as
 * {@code null}); everything else, the outcomes and counts included, is published as stored. The full events go on
 * {@code meeting-records} ({@link MeetingRecordsPublisher}); the stored events are never changed.
 */
public final class ConfidentialContent implements PublishedForm {

    @Override
    public Object of(Object payload) {
        if (payload instanceof MinutesRecorded m) {
            return new MinutesRecorded(m.meetingId(), m.organId(), m.committeeId(), m.recorderId(), null);
        }
        if (payload instanceof MeetingOpened o) {
            return new MeetingOpened(o.meetingId(), o.organId(), o.committeeId(), o.openedAt(), o.votingMembers(),
                    o.present(), o.absent() == null ? null
                            : o.absent().stream().map(a -> new Absence(a.memberId(), null)).toList());
        }
        if (payload instanceof MemberRecused r) {
            return new MemberRecused(r.meetingId(), r.organId(), r.committeeId(), r.itemId(), r.memberId(), null);
        }
        if (payload instanceof VoteRecorded v) {
            return new VoteRecorded(v.meetingId(), v.organId(), v.committeeId(), v.itemId(), v.memberId(), null,
                    v.method());
        }
        return payload;
    }
}
