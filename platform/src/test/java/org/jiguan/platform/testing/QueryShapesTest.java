package org.jiguan.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.bson.BsonDocument;
import org.junit.jupiter.api.Test;

/** The guard itself: it must tell a lookup from a scan, or the hot-path tests that use it prove nothing. */
class QueryShapesTest {
    @Test
    void lookups_by_a_unique_key_pass() {
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{_id: 'a'}"))).isTrue();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{_id: {$in: [1, 2, 3]}}"))).isTrue();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{streams: {$in: ['o#0', 'o#1']}}"))).isTrue();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{_id: 'o', sequence: 4}"))).isTrue();
    }

    @Test
    void anything_else_would_scan_on_the_local_server() {
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{timestamp: {$gte: '2026-01-01'}}"))).isFalse();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{_id: 'o', mark: {$lt: 4}}"))).isFalse();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{_id: {$gt: 4}}"))).isFalse();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{committeeId: 'prov'}"))).isFalse();
        assertThat(QueryShapes.isKeyed(BsonDocument.parse("{}"))).isFalse();
    }
}
