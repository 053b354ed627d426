package org.jiguan.organ.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.jiguan.platform.rules.RuleViolation.requireText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;
import org.axonframework.spring.stereotype.Aggregate;
import org.jiguan.organ.api.AbolishInternalBody;
import org.jiguan.organ.api.AbolishOrgan;
import org.jiguan.organ.api.AccountabilityMeasureRecorded;
import org.jiguan.organ.api.AnnualReportFiled;
import org.jiguan.organ.api.AppointLeader;
import org.jiguan.organ.api.Approval;
import org.jiguan.organ.api.AssessmentRecorded;
import org.jiguan.organ.api.AssignDuty;
import org.jiguan.organ.api.ChangeInternalBody;
import org.jiguan.organ.api.ChangeOrgan;
import org.jiguan.organ.api.CreateOrgan;
import org.jiguan.organ.api.DutyAssigned;
import org.jiguan.organ.api.EstablishInternalBody;
import org.jiguan.organ.api.EstablishmentMode;
import org.jiguan.organ.api.FileAnnualReport;
import org.jiguan.organ.api.FileIntegrityStatement;
import org.jiguan.organ.api.FilePersonalMattersReport;
import org.jiguan.organ.api.FileSpecialReport;
import org.jiguan.organ.api.FindingRecorded;
import org.jiguan.organ.api.HeadcountReported;
import org.jiguan.organ.api.IntegrityStatementFiled;
import org.jiguan.organ.api.InternalBodiesMerged;
import org.jiguan.organ.api.InternalBodyAbolished;
import org.jiguan.organ.api.InternalBodyChanged;
import org.jiguan.organ.api.InternalBodyEstablished;
import org.jiguan.organ.api.LeaderAppointed;
import org.jiguan.organ.api.LeaderRemoved;
import org.jiguan.organ.api.MergeInternalBodies;
import org.jiguan.organ.api.MergeOrgans;
import org.jiguan.organ.api.OrganAbolished;
import org.jiguan.organ.api.OrganChanged;
import org.jiguan.organ.api.OrganCreated;
import org.jiguan.organ.api.OrganKind;
import org.jiguan.organ.api.OrgansMerged;
import org.jiguan.organ.api.PersonalMattersReportFiled;
import org.jiguan.organ.api.RecordAccountability;
import org.jiguan.organ.api.RecordAssessment;
import org.jiguan.organ.api.RecordFinding;
import org.jiguan.organ.api.RectificationReported;
import org.jiguan.organ.api.RemoveLeader;
import org.jiguan.organ.api.ReportHeadcount;
import org.jiguan.organ.api.ReportRectification;
import org.jiguan.organ.api.RequestSpecialReport;
import org.jiguan.organ.api.Signature;
import org.jiguan.organ.api.SpecialReportFiled;
import org.jiguan.organ.api.SpecialReportRequested;
import org.jiguan.platform.rules.Conflict;
import org.jiguan.platform.rules.RuleViolation;
import org.jiguan.platform.time.BusinessCalendar;

/**
 * A working organ (工作机关) of a party committee: its establishment facts, leadership body, internal bodies,
 * staffing, duties and what supervision has on file. Once abolished it only keeps its history (R-ORG-4).
 */
@Aggregate(snapshotTriggerDefinition = "snapshotTrigger", cache = "aggregateCache",
        commandTargetResolver = "commandTargets")
// 2: quotas, headcounts and tenures over time; 3: special-report requests and internal bodies' dates. Snapshots of
// an earlier revision are passed over and the organ is rebuilt from its events.
@Revision("3")
public class Organ {
    @AggregateIdentifier
    private String organId;
    private CommitteePosition committee;
    private String name;
    private OrganKind kind;
    private LocalDate establishedOn;
    /** Null while the organ is active; it is active on the days before this one (R-ORG-4). */
    private LocalDate abolishedOn;
    private InternalBodies internalBodies = new InternalBodies();
    private Set<String> duties = new HashSet<>();
    private LeadershipBody leadership = new LeadershipBody();
    private Staffing staffing = new Staffing();
    private SupervisionRecord supervision = new SupervisionRecord();

    protected Organ() {
        // for Axon
    }

    /** Establishes the organ once its committee has admitted it (R-COM-2, R-ORG-1, R-ORG-2 decided there). */
    Organ(CreateOrgan command, OrganAdmission admission) {
        requireKindParticulars(command.kind(), command.coordinationBody(), command.field());
        requireModeParticulars(command.mode(), command.relatedDepartment());
        RuleViolation.require(command.establishedOn() != null, "R-ORG-2", "the establishment date is required");
        Staffing.requireQuotaNotNegative(command.staffingQuota());
        LeadershipBody.requirePostsWithin(0, command.leadershipQuota());
        CommitteePosition position = admission.committee();
        apply(new OrganCreated(command.organId(), position.committeeId(), position.level(),
                position.parentCommitteeId(), command.name(), command.kind(), command.mode(),
                command.establishedOn(), command.staffingQuota(), command.leadershipQuota(), command.approval(),
                command.relatedDepartment(), command.coordinationBody(), command.field(),
                admission.countedInQuota()));
    }

    /** R-ORG-1: a working body names its coordination body; a dispatched organ names what it leads. */
    private static void requireKindParticulars(OrganKind kind, String coordinationBody, String field) {
        RuleViolation.require(kind != null, "R-ORG-1", "the kind of organ is required");
        if (kind == OrganKind.WORKING_BODY) {
            requireText(coordinationBody, "R-ORG-1", "a working body's deliberation and coordination body");
        }
        if (kind == OrganKind.DISPATCHED_ORGAN) {
            requireText(field, "R-ORG-1", "the field, industry or system a dispatched organ leads");
        }
    }

    /** R-ORG-3: merged or co-located organs name their related department; a standalone one names none. */
    private static void requireModeParticulars(EstablishmentMode mode, String relatedDepartment) {
        RuleViolation.require(mode != null, "R-ORG-3", "the establishment mode is required");
        if (mode == EstablishmentMode.STANDALONE) {
            RuleViolation.require(relatedDepartment == null || relatedDepartment.isBlank(), "R-ORG-3",
                    "a standalone organ has no related department");
        } else {
            requireText(relatedDepartment, "R-ORG-3", "the department a " + mode + " organ is set up with");
        }
    }

    /** R-ORG-2; R-ORG-6 and R-LEAD-2 for new quotas, in force from the change's date. */
    @CommandHandler
    public void handle(ChangeOrgan command) {
        requireActiveOn(command.changedOn());
        LocalDate changedOn = command.changedOn();
        RuleViolation.require(changedOn != null, "R-ORG-2", "the date of the change is required");
        ApprovalRules.requireEstablishmentApproval(command.approval(), committee);
        int newStaffingQuota = Objects.requireNonNullElse(command.staffingQuota(), staffing.quotaOn(changedOn));
        int newLeadershipQuota = Objects.requireNonNullElse(command.leadershipQuota(),
                leadership.quotaOn(changedOn));
        staffing.requireQuotaChange(changedOn, newStaffingQuota);
        leadership.requireQuotaChange(changedOn, newLeadershipQuota);
        String newName = command.name() == null || command.name().isBlank() ? name : command.name();
        apply(new OrganChanged(organId, committee.committeeId(), command.changedOn(), command.approval(), newName,
                newStaffingQuota, newLeadershipQuota));
    }

    /** R-ORG-2, R-ORG-4: abolition on a fitting approval, once, dated within the organ's life. */
    void abolish(AbolishOrgan command) {
        requireNotAbolished();
        RuleViolation.require(command.abolishedOn() != null, "R-ORG-2", "the abolition date is required");
        requireWithinLife(command.abolishedOn(), "the abolition date");
        ApprovalRules.requireEstablishmentApproval(command.approval(), committee);
        apply(new OrganAbolished(organId, committee.committeeId(), command.abolishedOn(), command.approval(),
                command.reason(), null));
    }

    /**
     * R-ORG-2, R-ORG-4: this organ survives and absorbs the others, which must be distinct active organs of the
     * same committee (their being active is checked as each is abolished).
     *
     * @param committeeOfAbsorbed the committee id of each absorbed organ
     */
    void absorb(MergeOrgans command, Map<String, String> committeeOfAbsorbed) {
        requireActiveOn(command.mergedOn());
        List<String> absorbed = command.absorbedOrganIds() == null ? List.of() : command.absorbedOrganIds();
        RuleViolation.require(!absorbed.isEmpty(), "R-ORG-4", "a merger names the organs it absorbs");
        RuleViolation.require(!absorbed.contains(organId), "R-ORG-4", "the surviving organ cannot absorb itself");
        RuleViolation.require(new HashSet<>(absorbed).size() == absorbed.size(), "R-ORG-4",
                "an organ is named twice among the absorbed");
        absorbed.forEach(id -> RuleViolation.require(committee.committeeId().equals(committeeOfAbsorbed.get(id)),
                "R-ORG-4", "organ " + id + " is not an organ of committee " + committee.committeeId()));
        RuleViolation.require(command.mergedOn() != null, "R-ORG-2", "the merger date is required");
        requireWithinLife(command.mergedOn(), "the merger date");
        ApprovalRules.requireEstablishmentApproval(command.approval(), committee);
        apply(new OrgansMerged(organId, committee.committeeId(), organId, List.copyOf(absorbed),
                command.mergedOn(), command.approval()));
    }

    /** R-ORG-4: a merger abolishes each absorbed organ, which then names its survivor. */
    void abolishByMerger(String survivingOrganId, LocalDate mergedOn, Approval approval) {
        requireActiveOn(mergedOn);
        requireWithinLife(mergedOn, "the merger date");
        apply(new OrganAbolished(organId, committee.committeeId(), mergedOn, approval,
                "merged into " + survivingOrganId, survivingOrganId));
    }

    /** R-ORG-7: duties the committee keeps to itself cannot be handed to an organ. */
    void assignDuty(AssignDuty command, Collection<String> reservedDuties, Clock clock) {
        requireActiveOn(BusinessCalendar.today(clock)); // a duty carries no date: it is given now
        requireText(command.dutyCode(), "R-ORG-7", "the duty code");
        RuleViolation.require(!reservedDuties.contains(command.dutyCode()), "R-ORG-7",
                "duty " + command.dutyCode() + " is reserved to committee " + committee.committeeId());
        if (duties.contains(command.dutyCode())) {
            throw new Conflict("duty " + command.dutyCode() + " is already assigned to this organ");
        }
        apply(new DutyAssigned(organId, committee.committeeId(), command.dutyCode(), command.description()));
    }

    @CommandHandler
    public void handle(AppointLeader command) {
        requireActiveOn(command.since());
        leadership.requireAppointable(command, kind, committee.level(), establishedOn);
        apply(new LeaderAppointed(organId, committee.committeeId(), command.memberId(), command.name(),
                command.role(), command.since(), command.concurrentUpperLevelPost(), command.approval()));
    }

    @CommandHandler
    public void handle(RemoveLeader command) {
        requireActiveOn(command.on());
        LeadershipBody.Tenure leader = leadership.requireServing(command.memberId());
        leadership.requireRemovable(leader, command.on());
        apply(new LeaderRemoved(organId, committee.committeeId(), leader.memberId(), leader.name(), leader.role(),
                command.on(), command.reason()));
    }

    @CommandHandler
    public void handle(EstablishInternalBody command) {
        requireActiveOn(command.approval() == null ? null : command.approval().approvedOn());
        requireText(command.bodyId(), "R-ORG-5", "the internal body id");
        InternalBodies.requireName(command.name());
        ApprovalRules.requireInternalBodyApproval(command.approval(), committee);
        internalBodies.requireNewId(command.bodyId());
        apply(new InternalBodyEstablished(organId, committee.committeeId(), command.bodyId(), command.name(),
                command.approval(), command.approval().approvedOn()));
    }

    @CommandHandler
    public void handle(AbolishInternalBody command) {
        requireActiveOn(command.on() != null || command.approval() == null ? command.on()
                : command.approval().approvedOn());
        String bodyName = internalBodies.requireActive(command.bodyId()).name();
        ApprovalRules.requireInternalBodyApproval(command.approval(), committee);
        LocalDate on = command.on() == null ? command.approval().approvedOn() : command.on();
        apply(new InternalBodyAbolished(organId, committee.committeeId(), command.bodyId(), bodyName,
                command.approval(), on));
    }

    /** R-ORG-5: renaming or re-tasking an internal body, on its approval, dated {@code on} or the approval's date. */
    @CommandHandler
    public void handle(ChangeInternalBody command) {
        ApprovalRules.requireInternalBodyApproval(command.approval(), committee);
        LocalDate on = command.on() == null ? command.approval().approvedOn() : command.on();
        requireActiveOn(on);
        InternalBodies.Body before = internalBodies.requireChange(command, on);
        InternalBodies.Body after = before.changedBy(command.name(), command.tasks());
        apply(new InternalBodyChanged(organId, committee.committeeId(), command.bodyId(), before.name(), after.name(),
                after.tasks(), command.approval(), on));
    }

    /** R-ORG-5: merging internal bodies into one that survives, on an approval, dated as a change is. */
    @CommandHandler
    public void handle(MergeInternalBodies command) {
        ApprovalRules.requireInternalBodyApproval(command.approval(), committee);
        LocalDate on = command.on() == null ? command.approval().approvedOn() : command.on();
        requireActiveOn(on);
        internalBodies.requireMerger(command, on);
        String name = internalBodies.requireActive(command.bodyId()).changedBy(command.name(), null).name();
        apply(new InternalBodiesMerged(organId, committee.committeeId(), command.bodyId(),
                List.copyOf(command.absorbedBodyIds()), name, command.approval(), on));
    }

    /** R-ORG-6: staff stay within the approved staffing quota (编制限额) in force on the headcount's date. */
    @CommandHandler
    public void handle(ReportHeadcount command) {
        requireActiveOn(command.asOf());
        RuleViolation.requirePresent(command.asOf(), "R-ORG-6", "the headcount date");
        staffing.requireHeadcount(command.headcount(), command.asOf());
        apply(new HeadcountReported(organId, committee.committeeId(), command.headcount(), command.asOf(),
                staffing.quotaOn(command.asOf())));
    }

    @CommandHandler
    public void handle(FileAnnualReport command, Clock clock) {
        requireActiveOn(command.filedOn());
        supervision.requireAnnualReport(command, establishedOn, clock);
        Signing.requireSigner(command.signature(), command.filedOn(), leadership, committee.committeeId());
        Signature signature = command.signature();
        apply(new AnnualReportFiled(organId, committee.committeeId(), command.year(), command.filedOn(),
                command.documentNo(), command.summary(), command.supplement(), signature.signedBy(),
                signature.basis(), signature.mandate()));
    }

    @CommandHandler
    public void handle(FileSpecialReport command) {
        requireActiveOn(command.filedOn());
        supervision.requireSpecialReport(command);
        Signing.requireSigner(command.signature(), command.filedOn(), leadership, committee.committeeId());
        Signature signature = command.signature();
        apply(new SpecialReportFiled(organId, committee.committeeId(), command.reportId(), command.subject(),
                command.filedOn(), command.documentNo(), command.relatesTo(), supervision.dueOnOf(command),
                signature.signedBy(), signature.basis(), signature.mandate(), command.requestId()));
    }

    @CommandHandler
    public void handle(RequestSpecialReport command) {
        requireActiveOn(command.requestedOn());
        supervision.requireSpecialReportRequest(command, committee.committeeId());
        apply(new SpecialReportRequested(organId, committee.committeeId(), command.requestId(), command.subject(),
                command.requestedOn(), command.dueOn()));
    }

    @CommandHandler
    public void handle(RecordFinding command) {
        requireActiveOn(command.recordedOn());
        supervision.requireFinding(command);
        apply(new FindingRecorded(organId, committee.committeeId(), command.findingId(), command.source(),
                command.description(), command.rectifyBy(), command.recordedOn()));
    }

    @CommandHandler
    public void handle(ReportRectification command) {
        requireActiveOn(command.reportedOn());
        supervision.requireRectification(command);
        apply(new RectificationReported(organId, committee.committeeId(), command.findingId(),
                command.reportedOn(), command.description(), command.completed()));
    }

    @CommandHandler
    public void handle(RecordAssessment command) {
        requireActiveOn(command.assessedOn());
        supervision.requireAssessment(command);
        apply(new AssessmentRecorded(organId, committee.committeeId(), command.year(), command.grade(),
                command.assessedOn(), command.circulation()));
    }

    @CommandHandler
    public void handle(RecordAccountability command) {
        requireActiveOn(command.decidedOn());
        supervision.requireAccountability(command, leadership);
        apply(new AccountabilityMeasureRecorded(organId, committee.committeeId(), command.measureId(),
                command.memberId(), command.measure(), command.reason(), command.decidedOn()));
    }

    @CommandHandler
    public void handle(FileIntegrityStatement command) {
        requireActiveOn(command.filedOn());
        supervision.requireIntegrityStatement(command, leadership);
        apply(new IntegrityStatementFiled(organId, committee.committeeId(), command.memberId(), command.year(),
                command.filedOn()));
    }

    @CommandHandler
    public void handle(FilePersonalMattersReport command) {
        requireActiveOn(command.filedOn());
        supervision.requirePersonalMattersReport(command, leadership);
        apply(new PersonalMattersReportFiled(organId, committee.committeeId(), command.memberId(), command.year(),
                command.filedOn()));
    }

    /**
     * R-ORG-4: an abolished organ takes no further commands; its history stays readable. An act dated before the
     * abolition and recorded late (a report filed while the organ still existed) is still recorded; one without
     * a date counts as dated on or after it.
     */
    private void requireActiveOn(LocalDate day) {
        RuleViolation.require(abolishedOn == null || (day != null && day.isBefore(abolishedOn)), "R-ORG-4",
                "organ " + organId + " is abolished as of " + abolishedOn
                        + (day == null ? "" : ", so nothing it did on " + day + " can be recorded"));
    }

    /** R-ORG-4: abolished once. */
    private void requireNotAbolished() {
        RuleViolation.require(abolishedOn == null, "R-ORG-4", "organ " + organId + " was abolished on " + abolishedOn);
    }

    /** R-ORG-4: an abolition or merger is dated no later than today and not before the organ was established. */
    private void requireWithinLife(LocalDate day, String what) {
        RuleViolation.requirePresent(day, "R-ORG-4", what);
        RuleViolation.require(!day.isBefore(establishedOn), "R-ORG-4", what + " " + day
                + " is before organ " + organId + " was established on " + establishedOn);
    }

    String committeeId() {
        return committee.committeeId();
    }

    @EventSourcingHandler
    void on(OrganCreated event) {
        organId = event.organId();
        committee = new CommitteePosition(event.committeeId(), event.committeeLevel(), event.parentCommitteeId());
        name = event.name();
        kind = event.kind();
        establishedOn = event.establishedOn();
        staffing.quotaSet(event.staffingQuota());
        leadership.quotaSet(event.leadershipQuota());
    }

    @EventSourcingHandler
    void on(OrganChanged event) {
        name = event.name();
        staffing.quotaChanged(event.changedOn(), event.staffingQuota());
        leadership.quotaChanged(event.changedOn(), event.leadershipQuota());
    }

    @EventSourcingHandler
    void on(OrganAbolished event) {
        abolishedOn = Objects.requireNonNullElse(event.abolishedOn(), LocalDate.MIN);
    }

    @EventSourcingHandler
    void on(LeaderAppointed event) {
        leadership.appointed(event);
    }

    @EventSourcingHandler
    void on(LeaderRemoved event) {
        leadership.removed(event);
    }

    @EventSourcingHandler
    void on(InternalBodyEstablished event) {
        internalBodies.established(event);
    }

    @EventSourcingHandler
    void on(InternalBodyAbolished event) {
        internalBodies.abolished(event);
    }

    @EventSourcingHandler
    void on(InternalBodyChanged event) {
        internalBodies.changed(event);
    }

    @EventSourcingHandler
    void on(InternalBodiesMerged event) {
        internalBodies.merged(event);
    }

    /** Reports arrive after the fact and out of order: each stands from its date until the next one's. */
    @EventSourcingHandler
    void on(HeadcountReported event) {
        staffing.headcountReported(event.asOf(), event.headcount());
    }

    @EventSourcingHandler
    void on(DutyAssigned event) {
        duties.add(event.dutyCode());
    }

    @EventSourcingHandler
    void on(AnnualReportFiled event) {
        supervision.annualReportFiled(event);
    }

    @EventSourcingHandler
    void on(SpecialReportFiled event) {
        supervision.specialReportFiled(event);
    }

    @EventSourcingHandler
    void on(SpecialReportRequested event) {
        supervision.specialReportRequested(event);
    }

    @EventSourcingHandler
    void on(FindingRecorded event) {
        supervision.findingRecorded(event);
    }

    @EventSourcingHandler
    void on(RectificationReported event) {
        supervision.rectificationReported(event);
    }

    @EventSourcingHandler
    void on(AssessmentRecorded event) {
        supervision.assessmentRecorded(event);
    }

    @EventSourcingHandler
    void on(AccountabilityMeasureRecorded event) {
        supervision.measureRecorded(event);
    }

    @EventSourcingHandler
    void on(IntegrityStatementFiled event) {
        supervision.integrityStatementFiled(event);
    }

    @EventSourcingHandler
    void on(PersonalMattersReportFiled event) {
        supervision.personalMattersReportFiled(event);
    }
}
