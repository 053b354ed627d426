package org.jiguan.meeting.domain;

import static org.jiguan.meeting.domain.BusinessTime.requireNotInFuture;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.platform.rules.RuleViolation;

/** R-MEET-8 (Art. 19): a major item (三重一大) goes to the vote only once its preparation is on record. */
final class Preparation {
    private static final Set<PreparationStep> FOR_EVERY_MAJOR_ITEM = EnumSet.of(PreparationStep.INVESTIGATION,
            PreparationStep.CONSULTATION, PreparationStep.EXPERT_EVALUATION, PreparationStep.LEGALITY_REVIEW);

    private Preparation() {
    }

    static void requireStep(PreparationStep step, LocalDate completedOn, Clock clock) {
        RuleViolation.require(step != null, "R-MEET-8", "the preparation step is required");
        requireNotInFuture(completedOn, clock, "R-MEET-8", "the completion date of " + step);
    }

    static void requireReadyForVote(MeetingItem item) {
        if (!item.item().category().isMajor()) {
            return;
        }
        Set<PreparationStep> missing = EnumSet.copyOf(FOR_EVERY_MAJOR_ITEM);
        if (item.item().macroPolicy()) {
            missing.add(PreparationStep.MACRO_POLICY_ASSESSMENT);
        }
        missing.removeAll(item.prepared());
        RuleViolation.require(missing.isEmpty(), "R-MEET-8", "major item " + item.itemId() + " ("
                + item.item().category() + ") cannot be put to the vote before these steps are recorded: " + missing);
    }
}
