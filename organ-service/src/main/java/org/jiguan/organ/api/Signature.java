package org.jiguan.organ.api;

/**
 * Who signed (签发) a document in the organ's name and on what authority (R-DOC-1).
 *
 * @param signedBy the signing leader's member id
 * @param basis    the principal, or a leader delegated by the principal or designated by the committee
 * @param mandate  the delegation or designation; none when the principal signs
 */
public record Signature(String signedBy, SigningBasis basis, SigningMandate mandate) {
}
