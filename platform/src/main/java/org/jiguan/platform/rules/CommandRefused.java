package org.jiguan.platform.rules;

import java.time.LocalDate;

/**
 * R-AUD-1: a command refused for a rule, recorded as a fact of its own ({@code jiguan.organ.CommandRefused},
 * {@code jiguan.meeting.CommandRefused}); the refused command changed nothing.
 *
 * @param rule         the rule id the refusal answered with ({@code R-…})
 * @param ruleTitle    the rule's Chinese title, as the 422 gave it; null when the service has none
 * @param caller       who sent the command (the token's {@code sub}), or {@code -}
 * @param command      the command's type, e.g. {@code ReportHeadcount}
 * @param target       the organ, committee, meeting or decision the command was for
 * @param committeeId  the committee the command named, or null when it names none (oversight then finds it from
 *                     the target)
 * @param organId      the organ the command named, or null
 * @param businessDate the date the act was for (the command's first date), or null when it names none
 * @param detail       the refusal's message, as the client was told
 */
public record CommandRefused(String rule, String ruleTitle, String caller, String command, String target, String committeeId,
                             String organId, LocalDate businessDate, String detail) {
}
