package org.jiguan.meeting.messaging;

import java.util.Optional;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;
import org.jiguan.platform.messaging.ReceivedEvent;
import org.jiguan.platform.messaging.UnprocessableEvent;
import org.jiguan.platform.security.CommitteeTree;

/**
 * The committee tree of {@code "<id>/**"} scopes, kept from the {@code CommitteeRegistered} events of
 * {@code organ-events}: one document per committee ({@code committee_parents}, keyed by committee id) naming its
 * parent. Applying an event again writes the same document. A committee whose registration has not arrived yet
 * has no parent here, so a scope from above reaches it once it has.
 */
public class CommitteeParents implements CommitteeTree {
    private static final String NO_PARENT = "";

    private final MongoCollection<Document> parents;
    private final CommitteeTree committees;

    public CommitteeParents(MongoDatabase database) {
        this.parents = database.getCollection("committee_parents");
        this.committees = CommitteeTree.remembering(committeeId -> Optional
                .ofNullable(parents.find(Filters.eq("_id", committeeId)).first())
                .map(d -> d.getString("parent")).orElse(null));
    }

    public void apply(ReceivedEvent event) {
        if (!"CommitteeRegistered".equals(event.eventName())) {
            return;
        }
        String committeeId = event.data().path("committeeId").asText("");
        if (!committeeId.equals(event.subject())) {
            throw new UnprocessableEvent("CommitteeRegistered #" + event.sequence() + " of " + event.subject()
                    + " names committee '" + committeeId + "'");
        }
        String parent = event.data().path("parentCommitteeId").asText(NO_PARENT);
        parents.replaceOne(Filters.eq("_id", committeeId), new Document("_id", committeeId).append("parent", parent),
                new ReplaceOptions().upsert(true));
    }

    @Override
    public Optional<String> parentOf(String committeeId) {
        return committees.parentOf(committeeId);
    }
}
