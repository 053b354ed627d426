package org.jiguan.meeting.web;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.ApiFuzz;
import org.jiguan.platform.testing.ApiFuzzProperty;
import org.jiguan.platform.testing.SpringProperties;
import org.jiguan.platform.testing.TestTokens;

/**
 * The API fuzz property ({@link ApiFuzzProperty}) over meeting-service's own OpenAPI document, with the ids the
 * generated requests start from.
 */
class ApiFuzzTest extends MeetingServiceTestBase implements ApiFuzzProperty {
    private ApiFuzz fuzz;

    @Override
    public ApiFuzz fuzz() {
        if (fuzz == null) {
            SpringProperties.prepare(this);
            String organ = organWithBody(uniqueId("committee"), "PRINCIPAL", "DEPUTY", "MEMBER");
            fuzz = ApiFuzz.of(baseUrl(), TestTokens.kinds()).know("organId", organ)
                    .know("convenerId", member(organ, 1)).know("memberId", member(organ, 2));
        }
        return fuzz;
    }
}
