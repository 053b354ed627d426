package org.jiguan.oversight.web;

import org.jiguan.oversight.OversightServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.ApiFuzzProperty;
import org.jiguan.platform.testing.SpringProperties;
import org.jiguan.platform.testing.TestTokens;

/**
 * The API fuzz property ({@link ApiFuzzProperty}) over oversight-service's own OpenAPI document, but the rebuild.
 */
class ApiFuzzTest extends OversightServiceTestBase implements ApiFuzzProperty {
    private ApiFuzz fuzz;

    @Override
    public ApiFuzz fuzz() {
        if (fuzz == null) {
            SpringProperties.prepare(this);
            // A rebuild started by the fuzz would still be running in the tests after it (RebuildTest covers it).
            fuzz = ApiFuzz.of(baseUrl(), TestTokens.kinds()).skip("POST /api/v1/admin/rebuild");
        }
        return fuzz;
    }
}
