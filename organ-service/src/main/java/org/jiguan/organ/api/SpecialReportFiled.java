package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * A special report was filed, answering the committee's request {@code requestId} if any (R-SUP-3); the signer
 * fields (R-DOC-1) are null on reports filed before signing was recorded.
 */
public record SpecialReportFiled(String organId, String committeeId, String reportId, String subject, LocalDate filedOn,
                                 String documentNo, String relatesTo, LocalDate dueOn, String signedBy,
                                 SigningBasis signingBasis, SigningMandate signingMandate, String requestId)
        implements OrganEvent {
}
