package org.jiguan.oversight.messaging;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A command refused for a rule (R-AUD-1), as organ-service or meeting-service recorded it, placed under the
 * committee and organ it concerns.
 *
 * @param refusalId    the refusal's own id (its event's subject)
 * @param service      {@code organ} or {@code meeting}
 * @param ruleTitle    the rule's Chinese title; null when the service gave none
 * @param committeeId  null while oversight does not know where the target belongs
 * @param organId      null for a committee's act, or while unknown
 * @param businessDate the date the refused act was for; null when the command names none
 * @param refusedAt    when it was refused
 */
public record Refusal(String refusalId, String service, String rule, String ruleTitle, String caller, String command, String target,
                      String committeeId, String organId, LocalDate businessDate, String detail, Instant refusedAt) {
}
