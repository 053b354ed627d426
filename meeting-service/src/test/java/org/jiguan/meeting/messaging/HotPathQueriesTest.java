package org.jiguan.meeting.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jiguan.meeting.MeetingServiceTestBase;
import org.jiguan.platform.testing.QueryShapes;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;

/**
 * ARCHITECTURE.md guarantee 3 in meeting-service: the organ view's consumer, the commands of a whole meeting and
 * the publisher query the store only by {@code _id} or a unique index. Only the processors' token claims (a
 * handful of documents) are exempt.
 */
// Its own application context (the recorder is a bean): closed afterwards, so its consumers leave their groups and
// cannot keep partitions from the shared context (whose rebuilt collections this one would not follow).
@Import(QueryShapes.Recording.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class HotPathQueriesTest extends MeetingServiceTestBase {
    @Autowired
    QueryShapes queries;

    @Test
    void consuming_organ_events_and_holding_a_meeting_query_the_store_by_key_only() {
        queries.clear();
        Organ organ = organOfSize(3);
        String meeting = affairsMeeting(organ, item("i1", "OTHER"));
        open(organ, meeting, 3, 3);
        openVoting(organ, meeting, "i1", "ROLL_CALL");
        expectStatus(officeOf(organ).withHeader("Idempotency-Key", UUID.randomUUID().toString())
                .post(itemPath(meeting, "i1", "votes"), Map.of("memberId", organ.member(1), "choice", "FOR")), 200);
        for (int n = 2; n <= 3; n++) {
            expectStatus(officeOf(organ).post(itemPath(meeting, "i1", "votes"),
                    Map.of("memberId", organ.member(n), "choice", "FOR")), 200);
        }
        closeItem(organ, meeting, "i1", Map.of("decisionId", "d-" + meeting,
                "positionsOrder", List.of(organ.member(2), organ.member(3), organ.member(1))));

        assertThat(queries.recorded()).as("the recorder sees the consumer's and the log's queries")
                .anyMatch(q -> q.startsWith("organ_bodies find"))
                .anyMatch(q -> q.startsWith("event_positions findAndModify"));
        assertThat(queries.scans(Set.of("trackingtokens"))).as("queries that would scan a collection").isEmpty();
    }
}
