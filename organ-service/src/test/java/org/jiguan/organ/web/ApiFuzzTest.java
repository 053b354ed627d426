package org.jiguan.organ.web;

import org.jiguan.organ.OrganServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.ApiFuzzProperty;
import org.jiguan.platform.testing.SpringProperties;
import org.jiguan.platform.testing.TestTokens;

/**
 * The API fuzz property ({@link ApiFuzzProperty}) over organ-service's own OpenAPI document, with the ids the
 * generated requests start from.
 */
class ApiFuzzTest extends OrganServiceTestBase implements ApiFuzzProperty {
    private ApiFuzz fuzz;

    @Override
    public ApiFuzz fuzz() {
        if (fuzz == null) {
            SpringProperties.prepare(this);
            String committee = provincialCommittee(50);
            fuzz = ApiFuzz.of(baseUrl(), TestTokens.kinds()).know("committeeId", committee)
                    .know("organId", createOrgan(committee, "FUNCTIONAL_DEPARTMENT"))
                    .know("organId", createOrgan(committee, "WORKING_BODY"));
        }
        return fuzz;
    }
}
