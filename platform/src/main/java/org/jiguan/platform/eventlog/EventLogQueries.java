package org.jiguan.platform.eventlog;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/**
 * Every query the event log makes, each served by an index without a scan, on a real MongoDB and on the local
 * Java server alike (which answers only {@code _id} and unique-index lookups, exact or {@code $in}):
 * <table>
 * <tr><th>query</th><th>when</th><th>served by</th></tr>
 * <tr><td>{@link #allocatePositions}: {@code findOneAndUpdate({_id:"commits"}, $inc last)}</td><td>per command, or
 * per group of commands asking at once ({@link PositionRequests})</td>
 * <td>{@code event_positions._id}</td></tr>
 * <tr><td>{@link #insertCommit}</td><td>per command</td><td>{@code event_commits._id} and the unique
 * {@code streams} index (the all-or-nothing check)</td></tr>
 * <tr><td>commits by {@code streams $in [id#n…]} (8 keys, then 32, 128, 256)</td><td>loading an aggregate not in cache</td>
 * <td>unique {@code streams} index</td></tr>
 * <tr><td>a commit by {@code streams $in [id#v+1]}</td><td>using an aggregate from the cache
 * ({@link CommitLogStorageEngine#holds})</td><td>unique {@code streams} index</td></tr>
 * <tr><td>snapshot by {@code _id}</td><td>loading an aggregate</td><td>{@code event_snapshots._id}</td></tr>
 * <tr><td>{@link #lastAllocatedPosition}</td><td>per reader at most once per counter interval</td>
 * <td>{@code event_positions._id}</td></tr>
 * <tr><td>{@link #commitsAt}: {@code _id $in [from…to]}</td><td>per reader's wake-up with positions known to be
 * allocated and not yet read, but for those this instance wrote (taken from memory) or is writing</td>
 * <td>{@code event_commits._id}</td></tr>
 * <tr><td>{@link #isTaken}, {@link #markSkipped}</td><td>after a lost race or at an old gap</td>
 * <td>{@code event_commits._id}</td></tr>
 * </table>
 */
final class EventLogQueries {
    static final String COMMITS = "event_commits";
    static final String POSITIONS = "event_positions";
    static final String SNAPSHOTS = "event_snapshots";
    private static final String COUNTER = "commits";

    private final MongoCollection<Document> commits;
    private final MongoCollection<Document> positions;
    private final MongoCollection<Document> snapshots;

    EventLogQueries(MongoDatabase database) {
        this.commits = database.getCollection(COMMITS);
        this.positions = database.getCollection(POSITIONS);
        this.snapshots = database.getCollection(SNAPSHOTS);
    }

    void ensureIndexes() {
        commits.createIndex(Indexes.ascending(CommitDocuments.STREAMS),
                new IndexOptions().unique(true).name(CommitDocuments.STREAMS));
        try {
            positions.insertOne(new Document("_id", COUNTER).append("last", 0L));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    MongoCollection<Document> commits() {
        return commits;
    }

    MongoCollection<Document> snapshots() {
        return snapshots;
    }

    /**
     * The first of {@code count} consecutive new positions. Read as the counter <em>before</em> the increment, plus
     * one: the local server answers "after" with a document a concurrent increment may already have changed
     * (EmbeddedMongoTest).
     */
    long allocatePositions(int count) {
        Document before = positions.findOneAndUpdate(eq("_id", COUNTER), Updates.inc("last", (long) count),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE));
        return before == null ? 1 : before.get("last", Number.class).longValue() + 1;
    }

    long lastAllocatedPosition() {
        Document counter = positions.find(eq("_id", COUNTER)).first();
        return counter == null ? 0 : counter.get("last", Number.class).longValue();
    }

    void insertCommit(Document commit) {
        commits.insertOne(commit);
    }

    Map<Long, Document> commitsAt(List<Long> ids) {
        Map<Long, Document> found = new HashMap<>();
        for (Document commit : commits.find(in("_id", ids))) {
            found.put(commit.get("_id", Number.class).longValue(), commit);
        }
        return found;
    }

    /** Whether a commit or a skip marker holds the position. */
    boolean isTaken(long position) {
        return commits.find(eq("_id", position)).first() != null;
    }

    /** Gives up a position whose commit was refused, so readers need not wait for it. */
    void markSkipped(long position, String reason) {
        markSkippedOrRead(position, reason);
    }

    /** Writes a skip marker at the position, or, when a commit got there first, returns that commit. */
    Document markSkippedOrRead(long position, String reason) {
        Document marker = CommitDocuments.skipMarker(position, reason);
        try {
            commits.insertOne(marker);
            return marker;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return commits.find(eq("_id", position)).first();
        }
    }
}
