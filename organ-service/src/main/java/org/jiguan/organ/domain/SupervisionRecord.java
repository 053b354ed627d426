package org.jiguan.organ.domain;

import static org.jiguan.platform.rules.RuleViolation.requireText;
import static org.jiguan.platform.time.BusinessCalendar.today;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jiguan.organ.api.AccountabilityMeasureRecorded;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.AssessmentRecorded;
import org.jiguan.organ.api.FileAnnualReport;
import org.jiguan.organ.api.FileIntegrityStatement;
import org.jiguan.organ.api.FilePersonalMattersReport;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.FindingRecorded;
import org.jiguan.organ.api.IntegrityStatementFiled;
import org.jiguan.organ.api.PersonalMattersReportFiled;
import org.jiguan.organ.api.RecordAccountability;
import org.jiguan.organ.api.RecordAssessment;
import org.jiguan.organ.api.RecordFinding;
import org.jiguan.organ.api.RectificationReported;
import org.jiguan.organ.api.ReportRectification;
import org.jiguan.organ.api.RequestSpecialReport;
import org.jiguan.organ.api.SpecialReportFiled;
import org.jiguan.organ.api.SpecialReportRequested;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.NotFound;
import org.jiguan.platform.rules.RuleViolation;

/** What the committee's supervision has on file for one organ (Art. 25–28): the rules of section 5 of DOMAIN.md. */
final class SupervisionRecord {
    private Set<Integer> annualReportYears = new HashSet<>();
    private Set<String> specialReportIds = new HashSet<>();
    private Map<String, Request> specialReportRequests = new HashMap<>();
    private Map<String, Finding> findings = new LinkedHashMap<>();
    private Set<Integer> assessedYears = new HashSet<>();
    private Set<String> measureIds = new HashSet<>();
    private Set<String> integrityStatements = new HashSet<>();
    private Set<String> personalMattersReports = new HashSet<>();

    /** A committee's request for a special report; {@code answeredBy} the report that answered it, if any. */
    record Request(LocalDate requestedOn, LocalDate dueOn, String answeredBy) {
    }

    record Finding(LocalDate recordedOn, LocalDate rectifyBy, boolean completed) {
    }

    /**
     * R-SUP-1: a report covers a year the organ existed in and that has begun, filed after the organ existed;
     * only the first report of a year is the report, later ones are supplements.
     */
    void requireAnnualReport(FileAnnualReport command, LocalDate establishedOn, Clock clock) {
        RuleViolation.requirePresent(command.filedOn(), "R-SUP-1", "the filing date");
        RuleViolation.require(command.year() <= today(clock).getYear(), "R-SUP-1",
                "no report can be filed for the future year " + command.year());
        RuleViolation.require(command.year() >= establishedOn.getYear(), "R-SUP-1",
                "the organ did not exist in " + command.year() + " (established " + establishedOn + ")");
        RuleViolation.require(!command.filedOn().isBefore(establishedOn), "R-SUP-1",
                "a report cannot be filed before the organ was established on " + establishedOn);
        RuleViolation.require(command.filedOn().getYear() >= command.year(), "R-SUP-1",
                "a report on " + command.year() + " cannot be filed before that year began");
        boolean filedBefore = annualReportYears.contains(command.year());
        RuleViolation.require(!filedBefore || command.supplement(), "R-SUP-1",
                "a report for " + command.year() + " is on file; a later one must be filed as a supplement");
        RuleViolation.require(filedBefore || !command.supplement(), "R-SUP-1",
                "no report for " + command.year() + " is on file to supplement");
    }

    /**
     * R-SUP-3: a special report reports on a named instruction or decision, by document; one answering a request
     * answers an open request of this organ, after it was made, and is due when the request said.
     */
    void requireSpecialReport(FileSpecialReport command) {
        requireText(command.reportId(), "R-SUP-3", "the report id");
        requireText(command.subject(), "R-SUP-3", "the subject (the instruction or decision reported on)");
        requireText(command.documentNo(), "R-SUP-3", "the document number");
        RuleViolation.requirePresent(command.filedOn(), "R-SUP-3", "the filing date");
        if (specialReportIds.contains(command.reportId())) {
            throw new Conflict("special report " + command.reportId() + " is already on file");
        }
        if (command.requestId() != null) {
            Request request = specialReportRequests.get(command.requestId());
            RuleViolation.require(request != null, "R-SUP-3",
                    "the committee made no special-report request " + command.requestId() + " to this organ");
            RuleViolation.require(request.answeredBy() == null, "R-SUP-3", "request " + command.requestId()
                    + " was already answered by special report " + request.answeredBy());
            RuleViolation.require(!command.filedOn().isBefore(request.requestedOn()), "R-SUP-3", "a report filed on "
                    + command.filedOn() + " cannot answer a request made on " + request.requestedOn());
            RuleViolation.require(command.dueOn() == null || command.dueOn().equals(request.dueOn()), "R-SUP-3",
                    "request " + command.requestId() + " is due on " + request.dueOn() + ", not " + command.dueOn());
        }
    }

    /** The due date a special report is judged against: its request's, or the one it gives. */
    LocalDate dueOnOf(FileSpecialReport command) {
        return command.requestId() == null ? command.dueOn()
                : specialReportRequests.get(command.requestId()).dueOn();
    }

    /** R-SUP-3: the committee asks its own organ for a named report, due no earlier than it asks. */
    void requireSpecialReportRequest(RequestSpecialReport command, String organCommitteeId) {
        requireText(command.requestId(), "R-SUP-3", "the request id");
        requireText(command.subject(), "R-SUP-3", "the subject of the requested report");
        RuleViolation.require(organCommitteeId.equals(command.committeeId()), "R-SUP-3", "committee "
                + command.committeeId() + " can only request special reports from its own organs");
        RuleViolation.requirePresent(command.requestedOn(), "R-SUP-3", "the request date");
        RuleViolation.require(command.dueOn() != null, "R-SUP-3", "the due date is required");
        RuleViolation.require(!command.dueOn().isBefore(command.requestedOn()), "R-SUP-3",
                "the due date " + command.dueOn() + " is before the request date " + command.requestedOn());
        if (specialReportRequests.containsKey(command.requestId())) {
            throw new Conflict("special-report request " + command.requestId() + " is already on file");
        }
    }

    /** R-SUP-4: a finding names its source and a rectification deadline no earlier than the finding itself. */
    void requireFinding(RecordFinding command) {
        requireText(command.findingId(), "R-SUP-4", "the finding id");
        RuleViolation.require(command.source() != null, "R-SUP-4", "the source of the finding is required");
        requireText(command.description(), "R-SUP-4", "the description of the finding");
        RuleViolation.requirePresent(command.recordedOn(), "R-SUP-4", "the date the finding was recorded");
        RuleViolation.require(command.rectifyBy() != null, "R-SUP-4", "a rectification deadline is required");
        RuleViolation.require(!command.rectifyBy().isBefore(command.recordedOn()), "R-SUP-4",
                "the rectification deadline " + command.rectifyBy() + " is before the finding was recorded");
        if (findings.containsKey(command.findingId())) {
            throw new Conflict("finding " + command.findingId() + " is already on file");
        }
    }

    /** R-SUP-4: rectification is reported against an open finding, after it was found. */
    void requireRectification(ReportRectification command) {
        Finding finding = findings.get(command.findingId());
        if (finding == null) {
            throw new NotFound("no finding " + command.findingId() + " on this organ");
        }
        RuleViolation.require(!finding.completed(), "R-SUP-4",
                "finding " + command.findingId() + " is already rectified");
        RuleViolation.requirePresent(command.reportedOn(), "R-SUP-4", "the rectification report date");
        RuleViolation.require(!command.reportedOn().isBefore(finding.recordedOn()), "R-SUP-4",
                "rectification cannot be reported before the finding was recorded on " + finding.recordedOn());
    }

    /** R-SUP-6: one graded result per organ and year, with its circulation scope. */
    void requireAssessment(RecordAssessment command) {
        RuleViolation.require(command.grade() != null, "R-SUP-6", "the assessment grade is required");
        requireText(command.circulation(), "R-SUP-6", "the circulation scope");
        RuleViolation.requirePresent(command.assessedOn(), "R-SUP-6", "the assessment date");
        RuleViolation.require(command.year() <= command.assessedOn().getYear(), "R-SUP-6",
                "year " + command.year() + " cannot be assessed on " + command.assessedOn());
        RuleViolation.require(!assessedYears.contains(command.year()), "R-SUP-6",
                "the organ's assessment for " + command.year() + " is already recorded");
    }

    /** R-SUP-7: measures are taken only against someone who had sat on the leadership body by then. */
    void requireAccountability(RecordAccountability command, LeadershipBody leadership) {
        requireText(command.measureId(), "R-SUP-7", "the measure id");
        RuleViolation.require(command.measure() != null, "R-SUP-7", "the measure is required");
        requireText(command.reason(), "R-SUP-7", "the reason");
        RuleViolation.requirePresent(command.decidedOn(), "R-SUP-7", "the decision date");
        RuleViolation.require(leadership.satOnOrBefore(command.memberId(), command.decidedOn()), "R-SUP-7",
                "member " + command.memberId() + " had not sat on the organ's leadership body by "
                        + command.decidedOn());
        if (measureIds.contains(command.measureId())) {
            throw new Conflict("measure " + command.measureId() + " is already on file");
        }
    }

    /** R-SUP-5: a yearly duty-and-integrity statement (述责述廉). */
    void requireIntegrityStatement(FileIntegrityStatement command, LeadershipBody leadership) {
        requireYearlyFiling(command.memberId(), command.year(), command.filedOn(), leadership,
                integrityStatements, "duty-and-integrity statement");
    }

    /** R-SUP-5: a yearly personal-matters report (个人有关事项报告). */
    void requirePersonalMattersReport(FilePersonalMattersReport command, LeadershipBody leadership) {
        requireYearlyFiling(command.memberId(), command.year(), command.filedOn(), leadership,
                personalMattersReports, "personal-matters report");
    }

    /**
     * R-SUP-5: each leader's yearly filing is made by someone who sat on the leadership body that year, once per
     * member and year, not before the year began nor in the future.
     */
    private static void requireYearlyFiling(String memberId, int year, LocalDate filedOn, LeadershipBody leadership, Set<String> filed, String what) {
        RuleViolation.requirePresent(filedOn, "R-SUP-5", "the filing date");
        RuleViolation.require(year <= filedOn.getYear(), "R-SUP-5",
                "a " + what + " on " + year + " cannot be filed before that year began");
        RuleViolation.require(leadership.satDuring(memberId, year), "R-SUP-5",
                "member " + memberId + " did not sit on the leadership body in " + year);
        RuleViolation.require(!filed.contains(statementKey(memberId, year)), "R-SUP-5",
                "member " + memberId + " already filed a " + what + " for " + year);
    }

    private static String statementKey(String memberId, int year) {
        return year + "/" + memberId;
    }

    void annualReportFiled(AnnualReportFiled event) {
        annualReportYears.add(event.year());
    }

    void specialReportFiled(SpecialReportFiled event) {
        specialReportIds.add(event.reportId());
        if (event.requestId() != null) {
            specialReportRequests.computeIfPresent(event.requestId(),
                    (id, r) -> new Request(r.requestedOn(), r.dueOn(), event.reportId()));
        }
    }

    void specialReportRequested(SpecialReportRequested event) {
        specialReportRequests.put(event.requestId(), new Request(event.requestedOn(), event.dueOn(), null));
    }

    void findingRecorded(FindingRecorded event) {
        findings.put(event.findingId(), new Finding(event.recordedOn(), event.rectifyBy(), false));
    }

    void rectificationReported(RectificationReported event) {
        findings.computeIfPresent(event.findingId(),
                (id, f) -> new Finding(f.recordedOn(), f.rectifyBy(), f.completed() || event.completed()));
    }

    void assessmentRecorded(AssessmentRecorded event) {
        assessedYears.add(event.year());
    }

    void measureRecorded(AccountabilityMeasureRecorded event) {
        measureIds.add(event.measureId());
    }

    void integrityStatementFiled(IntegrityStatementFiled event) {
        integrityStatements.add(statementKey(event.memberId(), event.year()));
    }

    void personalMattersReportFiled(PersonalMattersReportFiled event) {
        personalMattersReports.add(statementKey(event.memberId(), event.year()));
    }
}
