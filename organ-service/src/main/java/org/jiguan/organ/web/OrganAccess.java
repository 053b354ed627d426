package org.jiguan.organ.web;

import org.jiguan.platform.security.Caller;
import org.springframework.stereotype.Component;

/** Role and scope checks for acts on an existing organ, which the caller's committees must cover. */
@Component
public class OrganAccess {
    private final OrganDirectory directory;

    public OrganAccess(OrganDirectory directory) {
        this.directory = directory;
    }

    /** Returns the organ's committee once the caller may act on it as the committee's office. */
    public String committeeOffice(String organId) {
        String committeeId = directory.committeeOf(organId);
        Caller.current().requireCommitteeOffice(committeeId);
        return committeeId;
    }

    public void organOffice(String organId) {
        Caller.current().requireOrganOffice(directory.committeeOf(organId), organId);
    }
}
