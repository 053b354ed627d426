package org.jiguan.organ.web;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.jiguan.organ.api.AccountabilityMeasure;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.Approver;
import org.jiguan.organ.api.AssessmentGrade;
import org.jiguan.organ.api.CommitteeLevel;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.FindingSource;
import org.jiguan.organ.api.LeaderRole;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.ReportPolicy;
import org.jiguan.platform.web.ClientIds;

/**
 * Request bodies of organ-service (CONTRACT.md). Shape and presence are checked here (400 VALIDATION);
 * the rules of DOMAIN.md are decided in the domain (422 with the rule id).
 */
final class OrganRequests {
    private OrganRequests() {
    }

    record ApprovalBody(@NotBlank String proposedBy, @NotNull Approver approvedBy, String approverCommitteeId,
                        @NotBlank String documentNo, @NotNull LocalDate approvedOn) {
        Approval toApproval() {
            return new Approval(proposedBy, approvedBy, approverCommitteeId, documentNo, approvedOn);
        }
    }

    static Approval approval(ApprovalBody body) {
        return body == null ? null : body.toApproval();
    }

    record RegisterCommitteeBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String committeeId,
                                 @NotBlank @Size(max = 200) String name, @NotNull CommitteeLevel level,
                                 String parentCommitteeId, @NotNull @PositiveOrZero Integer organQuota,
                                 ReportPolicy policy, List<@NotBlank String> reservedDuties) {
    }

    record SetOrganQuotaBody(@NotNull @PositiveOrZero Integer organQuota, @NotNull @Valid ApprovalBody approval) {
    }

    record CreateOrganBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String organId,
                           @NotBlank String committeeId, @NotBlank @Size(max = 200) String name,
                           @NotNull OrganKind kind, @NotNull EstablishmentMode mode, @NotNull LocalDate establishedOn,
                           @NotNull @PositiveOrZero Integer staffingQuota,
                           @NotNull @PositiveOrZero Integer leadershipQuota,
                           @NotNull @Valid ApprovalBody approval, String relatedDepartment, String coordinationBody,
                           String field) {
    }

    record ChangeOrganBody(@NotNull LocalDate changedOn, @NotNull @Valid ApprovalBody approval,
                           @Size(min = 1, max = 200) String name, @PositiveOrZero Integer staffingQuota,
                           @PositiveOrZero Integer leadershipQuota) {
        @AssertTrue(message = "a change names at least one of name, staffingQuota, leadershipQuota")
        @JsonIgnore
        public boolean isChangingSomething() {
            return name != null || staffingQuota != null || leadershipQuota != null;
        }
    }

    record AbolishOrganBody(@NotNull LocalDate abolishedOn, @NotNull @Valid ApprovalBody approval,
                            @NotBlank String reason) {
    }

    record MergeOrgansBody(@NotEmpty List<@NotBlank String> absorbedOrganIds, @NotNull LocalDate mergedOn,
                           @NotNull @Valid ApprovalBody approval) {
    }

    record AppointLeaderBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String memberId,
                             @NotBlank String name, @NotNull LeaderRole role, @NotNull LocalDate since,
                             Boolean concurrentUpperLevelPost, @Valid ApprovalBody approval) {
    }

    record RemoveLeaderBody(@NotNull LocalDate on, @NotBlank String reason) {
    }

    record EstablishInternalBodyBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String bodyId,
                                     @NotBlank String name, @Valid ApprovalBody approval) {
    }

    record AbolishInternalBodyBody(@Valid ApprovalBody approval, LocalDate on) {
    }

    record HeadcountBody(@NotNull @PositiveOrZero Integer headcount, @NotNull LocalDate asOf) {
    }

    record AssignDutyBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String dutyCode,
                          @NotBlank String description) {
    }

    record AnnualReportBody(@NotNull @Min(1949) @Max(9999) Integer year, @NotNull LocalDate filedOn,
                            @NotBlank String documentNo, @NotBlank String summary, Boolean supplement) {
    }

    record SpecialReportBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String reportId,
                             @NotBlank String subject, @NotNull LocalDate filedOn, @NotBlank String documentNo,
                             String relatesTo, LocalDate dueOn) {
    }

    record FindingBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String findingId,
                       @NotNull FindingSource source, @NotBlank String description, @NotNull LocalDate rectifyBy,
                       LocalDate recordedOn) {
    }

    record RectificationBody(@NotNull LocalDate reportedOn, @NotBlank String description, @NotNull Boolean completed) {
    }

    record AssessmentBody(@NotNull @Min(1949) @Max(9999) Integer year, @NotNull AssessmentGrade grade,
                          @NotNull LocalDate assessedOn, @NotBlank String circulation) {
    }

    record AccountabilityBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String measureId,
                              @NotBlank String memberId, @NotNull AccountabilityMeasure measure,
                              @NotBlank String reason, @NotNull LocalDate decidedOn) {
    }

    record IntegrityStatementBody(@NotBlank String memberId, @NotNull @Min(1949) @Max(9999) Integer year,
                                  @NotNull LocalDate filedOn) {
    }
}
