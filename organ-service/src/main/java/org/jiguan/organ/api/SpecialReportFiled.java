package org.jiguan.organ.api;

import java.time.LocalDate;

/** A special report was filed; the signer fields (R-DOC-1) are null on reports filed before signing was recorded. */
public record SpecialReportFiled(String organId, String committeeId, String reportId, String subject, LocalDate filedOn,
                                 String documentNo, String relatesTo, LocalDate dueOn, String signedBy,
                                 SigningBasis signingBasis, SigningMandate signingMandate) implements OrganEvent {
}
