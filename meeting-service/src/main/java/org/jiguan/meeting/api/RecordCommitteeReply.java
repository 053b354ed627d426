package org.jiguan.meeting.api;

import java.time.LocalDate;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The committee's office records its reply (批复) to, or acknowledgement of, a decision's report (R-DEC-1). */
public record RecordCommitteeReply(@TargetAggregateIdentifier String decisionId, CommitteeReplyKind kind,
                                   LocalDate repliedOn, String documentNo, String note) {
}
