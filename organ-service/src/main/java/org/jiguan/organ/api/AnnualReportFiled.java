package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * A comprehensive annual work report was filed; {@code supplement} marks a later one for the same year. The signer
 * fields (R-DOC-1) are null on reports filed before signing was recorded.
 */
public record AnnualReportFiled(String organId, String committeeId, int year, LocalDate filedOn, String documentNo,
                                String summary, boolean supplement, String signedBy, SigningBasis signingBasis,
                                SigningMandate signingMandate) implements OrganEvent {
}
