package org.jiguan.meeting.domain;


import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.jiguan.meeting.api.PreparationStep;
import org.jiguan.platform.rules.RuleViolation;

/**
 * R-MEET-8 (Art. 19): a major item (三重一大) goes to the vote only once its preparation is on record, each step dated
 * on or before the day of the vote: a step completed after the vote cannot have prepared it.
 */
final class Preparation {
    private static final Set<PreparationStep> FOR_EVERY_MAJOR_ITEM = EnumSet.of(PreparationStep.INVESTIGATION,
            PreparationStep.CONSULTATION, PreparationStep.EXPERT_EVALUATION, PreparationStep.LEGALITY_REVIEW);

    private Preparation() {
    }

    static void requireStep(PreparationStep step, LocalDate completedOn) {
        RuleViolation.require(step != null, "R-MEET-8", "the preparation step is required");
        RuleViolation.requirePresent(completedOn, "R-MEET-8", "the completion date of " + step);
    }

    static void requireReadyForVote(MeetingItem item) {
        Set<PreparationStep> missing = required(item);
        missing.removeAll(item.prepared().keySet());
        RuleViolation.require(missing.isEmpty(), "R-MEET-8", "major item " + item.itemId() + " ("
                + item.item().category() + ") cannot be put to the vote before these steps are recorded: " + missing);
    }

    /**
     * The day an item is voted on is known when it is closed (the decision's time, by default the meeting's
     * opening): only then can a step dated after it be told apart from one of a meeting that sat for days.
     */
    static void requirePreparedBy(MeetingItem item, LocalDate votedOn) {
        requireReadyForVote(item);
        Map<PreparationStep, LocalDate> late = new EnumMap<>(PreparationStep.class);
        required(item).forEach(step -> {
            LocalDate completedOn = item.prepared().get(step);
            if (completedOn.isAfter(votedOn)) {
                late.put(step, completedOn);
            }
        });
        RuleViolation.require(late.isEmpty(), "R-MEET-8", "major item " + item.itemId() + " was voted on " + votedOn
                + ", before these steps were completed: " + late + "; a step completed after the vote cannot have "
                + "prepared it");
    }

    private static Set<PreparationStep> required(MeetingItem item) {
        if (!item.item().category().isMajor()) {
            return EnumSet.noneOf(PreparationStep.class);
        }
        Set<PreparationStep> steps = EnumSet.copyOf(FOR_EVERY_MAJOR_ITEM);
        if (item.item().macroPolicy()) {
            steps.add(PreparationStep.MACRO_POLICY_ASSESSMENT);
        }
        return steps;
    }
}
