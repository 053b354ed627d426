package org.jiguan.organ.api;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Files a leader's yearly personal-matters report (个人有关事项报告, R-SUP-5). */
public record FilePersonalMattersReport(@TargetAggregateIdentifier String organId, String memberId, int year,
                                        LocalDate filedOn) {
}
