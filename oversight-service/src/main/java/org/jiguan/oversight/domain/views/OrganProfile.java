package org.jiguan.oversight.domain.views;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An organ as it stood at the end of {@code asOf}, as known at {@code knownAt} (null: everything recorded so far).
 * Lists hold what exists on that day (current leaders, internal bodies not abolished) or what happened by it
 * (reports, findings, assessments, measures, statements).
 */
public record OrganProfile(String organId, String committeeId, LocalDate asOf, Instant knownAt, String name,
                           String kind, String mode, OrganStatus status, LocalDate establishedOn,
                           LocalDate abolishedOn, String abolitionReason, String mergedInto,
                           List<String> absorbedOrganIds, String relatedDepartment, String coordinationBody,
                           String field, boolean countedInQuota, Approval establishmentApproval,
                           Staffing staffing, Leadership leadership, List<InternalBody> internalBodies,
                           List<FormerInternalBody> formerInternalBodies,
                           List<Duty> duties, List<AnnualReport> annualReports, List<SpecialReport> specialReports,
                           List<SpecialReportRequest> specialReportRequests, List<Finding> findings, List<Assessment> assessments,
                           List<AccountabilityMeasure> accountabilityMeasures,
                           List<IntegrityStatement> integrityStatements,
                           List<PersonalMattersReport> personalMattersReports, List<Tenure> tenures) {

    public boolean activeOn() {
        return status == OrganStatus.ACTIVE;
    }

    public record Approval(String proposedBy, String approvedBy, String approverCommitteeId, String documentNo,
                           LocalDate approvedOn) {
    }

    /** 编制: the approved staffing quota against the last reported headcount (R-ORG-6). */
    public record Staffing(int quota, Integer headcount, LocalDate headcountAsOf) {
    }

    /** 领导职数 against the posts filled on the day (R-LEAD-2). */
    public record Leadership(int quota, int filled, boolean principalVacant, List<Leader> leaders) {
    }

    public record Leader(String memberId, String name, String role, LocalDate since, boolean concurrentUpperLevelPost) {
    }

    /**
     * An internal body in being (R-ORG-5): its name and tasks in force, when it was set up, and when it was last
     * renamed, re-tasked or grew by a merger (null if never).
     */
    public record InternalBody(String bodyId, String name, LocalDate establishedOn, String tasks,
                               LocalDate changedOn) {
    }

    /** An internal body that ended by the day, abolished or merged into {@code mergedInto} (R-ORG-5). */
    public record FormerInternalBody(String bodyId, String name, LocalDate establishedOn, LocalDate endedOn,
                                     String mergedInto) {
    }

    public record Duty(String dutyCode, String description) {
    }

    /**
     * A comprehensive annual work report (R-SUP-1); {@code supplement} marks a later one for the same year. Its
     * signer and signing basis (R-DOC-1) are null on reports filed before signers were recorded.
     */
    public record AnnualReport(int year, LocalDate filedOn, String documentNo, String summary, boolean supplement,
                               String signedBy, String signingBasis) {
    }

    /** A special report (R-SUP-3), answering a request or not; {@code late} when filed after its due date. */
    public record SpecialReport(String reportId, String subject, LocalDate filedOn, String documentNo,
                                String relatesTo, LocalDate dueOn, String requestId, boolean late, String signedBy,
                                String signingBasis) {
    }

    /**
     * The committee's request for a special report (R-SUP-3) and its status on the day; {@code daysOverdue} counts
     * the days past due of an unanswered request, or by which the answer came late.
     */
    public record SpecialReportRequest(String requestId, String subject, LocalDate requestedOn, LocalDate dueOn,
                                       SpecialReportRequestStatus status, String answeredBy, LocalDate answeredOn,
                                       long daysOverdue) {
    }

    /** An inspection finding (R-SUP-4) with its rectifications and status on the day. */
    public record Finding(String findingId, String source, String description, LocalDate rectifyBy,
                          LocalDate recordedOn, FindingStatus status, LocalDate rectifiedOn, long daysOverdue,
                          List<Rectification> rectifications) {
    }

    public record Rectification(LocalDate reportedOn, String description, boolean completed) {
    }

    public record Assessment(int year, String grade, LocalDate assessedOn, String circulation) {
    }

    public record AccountabilityMeasure(String measureId, String memberId, String measure, String reason,
                                        LocalDate decidedOn) {
    }

    public record IntegrityStatement(String memberId, int year, LocalDate filedOn) {
    }

    /** A leader's yearly personal-matters report (个人有关事项报告, R-SUP-5). */
    public record PersonalMattersReport(String memberId, int year, LocalDate filedOn) {
    }

    /**
     * A stretch on the leadership body by the day, past ones included; {@code until} the day the member left, null
     * while serving.
     */
    public record Tenure(String memberId, String name, String role, LocalDate since, LocalDate until) {
        /** Whether the member sat on the body on any day of {@code year}, the day of leaving included (R-SUP-5). */
        public boolean satIn(int year) {
            return since.getYear() <= year && (until == null || until.getYear() >= year);
        }
    }
}
