package org.jiguan.oversight.messaging;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.jiguan.oversight.domain.views.AggregateKind;
import org.jiguan.oversight.domain.views.RecordedEvent;

/**
 * The committees as a tree, for pickers and drill-down ({@code GET /api/v1/committees?parentId=}): one document per
 * committee in {@code committee_directory}, kept by the consumers from {@code CommitteeRegistered}, with its children's
 * ids, so that a committee and its children are read by key ({@code _id}, then {@code _id $in}), never by scanning.
 * <pre>{_id: committeeId, name, level, parentCommitteeId, children: [committeeId]}</pre>
 * The committees without a parent are the children of the document {@value #ROOTS}. Writes are idempotent
 * ({@code $set} of the registration, {@code $addToSet} of a child), so a repeat or a replay changes nothing.
 */
public class CommitteeDirectory {
    static final String COLLECTION = "committee_directory";
    /** Ids hold no {@code /} (CONTRACT.md), so this is nobody's committee id. */
    static final String ROOTS = "/";

    private final MongoCollection<Document> committees;

    public CommitteeDirectory(MongoDatabase database) {
        this.committees = database.getCollection(COLLECTION);
    }

    /** One committee as listed. */
    public record Entry(String committeeId, String name, String level, String parentCommitteeId,
                        List<String> children) {
        /** False for a committee known only as the parent of others, its own registration not arrived yet. */
        public boolean registered() {
            return level != null;
        }
    }

    /** Records a committee's registration, if the event is one. */
    public void apply(AggregateKind kind, String aggregateId, RecordedEvent event) {
        if (kind != AggregateKind.COMMITTEE || !"jiguan.organ.CommitteeRegistered".equals(event.type())) {
            return;
        }
        JsonNode data = event.data();
        String parent = text(data, "parentCommitteeId");
        committees.updateOne(Filters.eq("_id", aggregateId), Updates.combine(Updates.set("name", text(data, "name")),
                Updates.set("level", text(data, "level")), Updates.set("parentCommitteeId", parent)),
                new UpdateOptions().upsert(true));
        committees.updateOne(Filters.eq("_id", parent == null ? ROOTS : parent),
                Updates.addToSet("children", aggregateId), new UpdateOptions().upsert(true));
    }

    /** The committee, registered or so far known only as the parent of others. */
    public Optional<Entry> get(String committeeId) {
        return Optional.ofNullable(committees.find(Filters.eq("_id", committeeId)).first()).map(CommitteeDirectory::entry);
    }

    /** The committees named, those registered, in the order given. */
    public List<Entry> all(List<String> committeeIds) {
        List<Entry> found = new ArrayList<>();
        if (committeeIds.isEmpty()) {
            return found;
        }
        Map<String, Entry> byId = new HashMap<>();
        committees.find(Filters.in("_id", committeeIds)).forEach(doc -> byId.put(doc.getString("_id"), entry(doc)));
        committeeIds.stream().map(byId::get).filter(Objects::nonNull).filter(Entry::registered).forEach(found::add);
        return found;
    }

    /** The committees without a parent. */
    public List<Entry> roots() {
        return get(ROOTS).map(roots -> all(roots.children())).orElse(List.of());
    }

    private static Entry entry(Document doc) {
        return new Entry(doc.getString("_id"), doc.getString("name"), doc.getString("level"),
                doc.getString("parentCommitteeId"), doc.getList("children", String.class, List.of()));
    }

    private static String text(JsonNode data, String field) {
        JsonNode node = data.get(field);
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText();
    }
}
