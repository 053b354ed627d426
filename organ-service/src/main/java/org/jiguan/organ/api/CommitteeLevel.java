package org.jiguan.organ.api;

import java.util.Optional;

/** The level of a party committee (R-COM-1). Declared from the top down. */
public enum CommitteeLevel {
    CENTRAL, PROVINCIAL, MUNICIPAL, COUNTY;

    /** The level of the parent committee; empty for the central committee, which has none. */
    public Optional<CommitteeLevel> oneLevelUp() {
        return this == CENTRAL ? Optional.empty() : Optional.of(values()[ordinal() - 1]);
    }
}
