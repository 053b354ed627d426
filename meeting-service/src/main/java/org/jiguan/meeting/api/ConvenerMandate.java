package org.jiguan.meeting.api;

import java.time.LocalDate;

/**
 * The recorded delegation or designation behind a convener who is not the principal (R-MEET-3).
 *
 * @param grantedBy  the principal's member id (delegation) or the committee id (designation)
 * @param documentNo the designating document's number; required for a designation by the committee
 * @param grantedOn  the date the mandate was given
 */
public record ConvenerMandate(String grantedBy, String documentNo, LocalDate grantedOn) {
}
