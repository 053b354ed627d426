package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records the organ's assessment result for a year (R-SUP-6). */
public record RecordAssessment(@TargetAggregateIdentifier String organId, int year, AssessmentGrade grade, LocalDate assessedOn,
                               String circulation) {
}
