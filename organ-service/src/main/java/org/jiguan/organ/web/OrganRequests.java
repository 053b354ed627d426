package org.jiguan.organ.web;

import static org.jiguan.platform.web.Limits.COUNT;
import static org.jiguan.platform.web.Limits.DAYS;
import static org.jiguan.platform.web.Limits.LIST;
import static org.jiguan.platform.web.Limits.LONG_TEXT;
import static org.jiguan.platform.web.Limits.SHORT_TEXT;

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
import org.jiguan.organ.api.Signature;
import org.jiguan.organ.api.SigningBasis;
import org.jiguan.organ.api.SigningMandate;
import org.jiguan.platform.web.ClientIds;
import org.jiguan.platform.web.MayLieAhead;


/**
 * Request bodies of organ-service (CONTRACT.md). Shape and presence are checked here (400 VALIDATION);
 * the rules of DOMAIN.md are decided in the domain (422 with the rule id).
 */
final class OrganRequests {
    private OrganRequests() {
    }

    record ApprovalBody(@NotBlank @Size(max = SHORT_TEXT) String proposedBy, @NotNull Approver approvedBy,
                        @Size(max = SHORT_TEXT) String approverCommitteeId, @NotBlank @Size(max = SHORT_TEXT) String documentNo,
                        @NotNull LocalDate approvedOn) {
        Approval toApproval() {
            return new Approval(proposedBy, approvedBy, approverCommitteeId, documentNo, approvedOn);
        }
    }

    static Approval approval(ApprovalBody body) {
        return body == null ? null : body.toApproval();
    }

    record RegisterCommitteeBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String committeeId,
                                 @NotBlank @Size(max = SHORT_TEXT) String name, @NotNull CommitteeLevel level,
                                 @Size(max = SHORT_TEXT) String parentCommitteeId,
                                 @NotNull @PositiveOrZero @Max(COUNT) Integer organQuota,
                                 @Valid PolicyBody policy,
                                 @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> reservedDuties) {
        ReportPolicy reportPolicy() {
            return policy == null ? null : new ReportPolicy(policy.reportDueMonthDay(), policy.cutOffMonthDay(),
                    policy.reminderOffsets(), policy.calendar(), policy.reportToCommitteeWorkingDays());
        }
    }

    /** A committee's annual-report policy ({@link ReportPolicy}); every field optional. */
    record PolicyBody(@Size(max = SHORT_TEXT) String reportDueMonthDay, @Size(max = SHORT_TEXT) String cutOffMonthDay,
                      @Size(max = LIST) List<@NotNull @Min(-DAYS) @Max(DAYS) Integer> reminderOffsets,
                      @Size(max = SHORT_TEXT) String calendar,
                      @Min(1) @Max(60) Integer reportToCommitteeWorkingDays) {
    }

    record SetOrganQuotaBody(@NotNull @PositiveOrZero @Max(COUNT) Integer organQuota,
                             @NotNull @Valid ApprovalBody approval) {
    }

    record CreateOrganBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String organId,
                           @NotBlank @Size(max = SHORT_TEXT) String committeeId, @NotBlank @Size(max = SHORT_TEXT) String name,
                           @NotNull OrganKind kind, @NotNull EstablishmentMode mode, @NotNull LocalDate establishedOn,
                           @NotNull @PositiveOrZero @Max(COUNT) Integer staffingQuota,
                           @NotNull @PositiveOrZero @Max(COUNT) Integer leadershipQuota,
                           @NotNull @Valid ApprovalBody approval, @Size(max = SHORT_TEXT) String relatedDepartment,
                           @Size(max = SHORT_TEXT) String coordinationBody, @Size(max = SHORT_TEXT) String field) {
    }

    record ChangeOrganBody(@NotNull LocalDate changedOn, @NotNull @Valid ApprovalBody approval,
                           @Size(min = 1, max = SHORT_TEXT) String name, @PositiveOrZero @Max(COUNT) Integer staffingQuota,
                           @PositiveOrZero @Max(COUNT) Integer leadershipQuota) {
        @AssertTrue(message = "a change names at least one of name, staffingQuota, leadershipQuota")
        @JsonIgnore
        public boolean isChangingSomething() {
            return name != null || staffingQuota != null || leadershipQuota != null;
        }
    }

    record AbolishOrganBody(@NotNull LocalDate abolishedOn, @NotNull @Valid ApprovalBody approval,
                            @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record MergeOrgansBody(@NotEmpty @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> absorbedOrganIds,
                           @NotNull LocalDate mergedOn,
                           @NotNull @Valid ApprovalBody approval) {
    }

    record AppointLeaderBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String memberId,
                             @NotBlank @Size(max = SHORT_TEXT) String name, @NotNull LeaderRole role, @NotNull LocalDate since,
                             Boolean concurrentUpperLevelPost, @Valid ApprovalBody approval) {
    }

    record RemoveLeaderBody(@NotNull LocalDate on, @NotBlank @Size(max = LONG_TEXT) String reason) {
    }

    record EstablishInternalBodyBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String bodyId,
                                     @NotBlank @Size(max = SHORT_TEXT) String name, @Valid ApprovalBody approval) {
    }

    record AbolishInternalBodyBody(@Valid ApprovalBody approval, LocalDate on) {
    }

    /** The approval is a rule (R-ORG-5) decided in the domain, as for establishment and abolition. */
    record ChangeInternalBodyBody(@Size(min = 1, max = SHORT_TEXT) String name,
                                  @Size(min = 1, max = LONG_TEXT) String tasks, @Valid ApprovalBody approval,
                                  LocalDate on) {
        @AssertTrue(message = "a change names at least one of name, tasks")
        @JsonIgnore
        public boolean isChangingSomething() {
            return name != null || tasks != null;
        }
    }

    record MergeInternalBodiesBody(
            @NotEmpty @Size(max = LIST) List<@NotBlank @Size(max = SHORT_TEXT) String> absorbedBodyIds,
            @Size(min = 1, max = SHORT_TEXT) String name, @Valid ApprovalBody approval, LocalDate on) {
    }

    record HeadcountBody(@NotNull @PositiveOrZero @Max(COUNT) Integer headcount, @NotNull LocalDate asOf) {
    }

    record AssignDutyBody(@NotBlank @Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String dutyCode,
                          @NotBlank @Size(max = LONG_TEXT) String description) {
    }

    /**
     * Who delegated or designated a signer other than the principal (R-DOC-1); the signer itself is a rule decided
     * in the domain (a missing {@code signedBy} is {@code 422 R-DOC-1}, not a 400).
     */
    record SigningMandateBody(@NotBlank @Size(max = SHORT_TEXT) String grantedBy,
                              @Size(max = SHORT_TEXT) String documentNo, @NotNull LocalDate grantedOn) {
    }

    /** {@code signingBasis} defaults to {@code PRINCIPAL}. */
    static Signature signature(String signedBy, SigningBasis signingBasis, SigningMandateBody mandate) {
        return new Signature(signedBy, signingBasis == null ? SigningBasis.PRINCIPAL : signingBasis,
                mandate == null ? null : new SigningMandate(mandate.grantedBy(), mandate.documentNo(),
                        mandate.grantedOn()));
    }

    record AnnualReportBody(@NotNull @Min(1949) @Max(9999) Integer year, @NotNull LocalDate filedOn,
                            @NotBlank @Size(max = SHORT_TEXT) String documentNo, @NotBlank @Size(max = LONG_TEXT) String summary,
                            Boolean supplement, @Size(max = SHORT_TEXT) String signedBy, SigningBasis signingBasis,
                            @Valid SigningMandateBody signingMandate) {
        Signature signature() {
            return OrganRequests.signature(signedBy, signingBasis, signingMandate);
        }
    }

    record SpecialReportBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String reportId,
                             @NotBlank @Size(max = SHORT_TEXT) String subject, @NotNull LocalDate filedOn,
                             @NotBlank @Size(max = SHORT_TEXT) String documentNo, @Size(max = SHORT_TEXT) String relatesTo, @MayLieAhead LocalDate dueOn,
                             @Size(max = SHORT_TEXT) String signedBy, SigningBasis signingBasis,
                             @Valid SigningMandateBody signingMandate, @Size(max = SHORT_TEXT) String requestId) {
        Signature signature() {
            return OrganRequests.signature(signedBy, signingBasis, signingMandate);
        }
    }

    record SpecialReportRequestBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String requestId,
                                    @NotBlank @Size(max = SHORT_TEXT) String organId,
                                    @NotBlank @Size(max = SHORT_TEXT) String subject, @NotNull @MayLieAhead LocalDate dueOn,
                                    LocalDate requestedOn) {
    }

    record FindingBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String findingId,
                       @NotNull FindingSource source, @NotBlank @Size(max = LONG_TEXT) String description,
                       @NotNull @MayLieAhead LocalDate rectifyBy,
                       LocalDate recordedOn) {
    }

    record RectificationBody(@NotNull LocalDate reportedOn, @NotBlank @Size(max = LONG_TEXT) String description,
                             @NotNull Boolean completed) {
    }

    record AssessmentBody(@NotNull @Min(1949) @Max(9999) Integer year, @NotNull AssessmentGrade grade,
                          @NotNull LocalDate assessedOn, @NotBlank @Size(max = SHORT_TEXT) String circulation) {
    }

    record AccountabilityBody(@Pattern(regexp = ClientIds.PATTERN, message = ClientIds.MESSAGE) String measureId,
                              @NotBlank @Size(max = SHORT_TEXT) String memberId, @NotNull AccountabilityMeasure measure,
                              @NotBlank @Size(max = LONG_TEXT) String reason, @NotNull LocalDate decidedOn) {
    }

    /** A leader's yearly filing: a duty-and-integrity statement or a personal-matters report (R-SUP-5). */
    record YearlyFilingBody(@NotBlank @Size(max = SHORT_TEXT) String memberId,
                            @NotNull @Min(1949) @Max(9999) Integer year, @NotNull LocalDate filedOn) {
    }
}
