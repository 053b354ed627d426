package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * The approval record an establishment act needs (R-ORG-2, Art. 6).
 *
 * @param proposedBy          the establishment-management department that proposed the act (机构编制管理部门)
 * @param approvedBy          the approving authority
 * @param approverCommitteeId the committee whose authority approved (the parent for a local committee's organ)
 * @param documentNo          the approval document's number
 * @param approvedOn          the date of approval
 */
public record Approval(String proposedBy, Approver approvedBy, String approverCommitteeId, String documentNo,
                       LocalDate approvedOn) {
}
