package org.jiguan.meeting.api;

/**
 * An item fixed on the agenda (R-MEET-2, R-MEET-4).
 *
 * @param macroPolicy           the item bears on macro policy, so it also needs the macro-policy assessment (R-MEET-8)
 * @param reconsidersDecisionId the earlier decision this item reconsiders (复议, R-MEET-13), if any
 */
public record AgendaItem(String itemId, String title, ItemCategory category, boolean macroPolicy,
                         String reconsidersDecisionId) {
}
