package org.jiguan.organ.api;

import java.time.LocalDate;

/**
 * The recorded delegation or designation behind a signer who is not the principal (R-DOC-1).
 *
 * @param grantedBy  the principal's member id (delegation) or the committee id (designation)
 * @param documentNo the designating document's number; required for a designation by the committee
 * @param grantedOn  the date the mandate was given, on or before the signing date
 */
public record SigningMandate(String grantedBy, String documentNo, LocalDate grantedOn) {
}
