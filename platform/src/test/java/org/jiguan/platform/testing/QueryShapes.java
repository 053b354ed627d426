package org.jiguan.platform.testing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
import org.bson.BsonDocument;
import org.bson.BsonValue;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Records every query a service sends to MongoDB and tells which would scan a collection on the local server:
 * it answers without a scan only a filter whose fields are exactly those of a unique index, each with an exact
 * value or an {@code $in} list (ARCHITECTURE.md guarantee 3). A test registers it with
 * {@code @Import(QueryShapes.Recording.class)}: the service's client picks up every {@link CommandListener} bean.
 */
public class QueryShapes implements CommandListener {
    @TestConfiguration
    public static class Recording {
        @Bean
        public QueryShapes queryShapes() {
            return new QueryShapes();
        }
    }

    /** The unique indexes queries may use: {@code _id} everywhere, plus the services' own. */
    private static final List<Set<String>> KEYED = List.of(Set.of("_id"), Set.of("streams"),
            Set.of("_id", "sequence"), Set.of("_id", "version"), Set.of("_id", "lease"));
    private static final Map<String, String> FILTER_FIELD = Map.of("find", "filter", "delete", "deletes",
            "update", "updates", "findAndModify", "query", "count", "query");

    private final List<String> queries = Collections.synchronizedList(new ArrayList<>());
    private volatile boolean stopped;

    @Override
    public void commandStarted(CommandStartedEvent event) {
        String name = event.getCommandName();
        if (stopped || !FILTER_FIELD.containsKey(name)) {
            return;
        }
        BsonDocument command = event.getCommand();
        String collection = command.getString(name).getValue();
        BsonValue filters = command.get(FILTER_FIELD.get(name));
        if (filters == null && name.equals("count")) {
            return; // the collection's own count, kept by the server: no scan
        }
        if (filters == null) {
            queries.add(collection + " " + name + " {}");
        } else if (filters.isArray()) { // delete and update carry a list of statements, each with its "q"
            filters.asArray().forEach(s -> queries.add(collection + " " + name + " " + s.asDocument().get("q")));
        } else {
            queries.add(collection + " " + name + " " + filters);
        }
    }

    /** Every query recorded so far, as {@code <collection> <command> <filter>}. */
    public List<String> recorded() {
        synchronized (queries) {
            return List.copyOf(queries);
        }
    }

    public void clear() {
        queries.clear();
    }

    /** Records nothing more, so that a benchmark's run after it does not pay for the recording. */
    public void stop() {
        stopped = true;
    }

    /** The queries recorded so far that no unique index serves, except those on the collections named. */
    public List<String> scans(Set<String> exceptCollections) {
        List<String> scans = new ArrayList<>();
        synchronized (queries) {
            for (String query : queries) {
                String collection = query.substring(0, query.indexOf(' '));
                String filter = query.substring(query.indexOf('{'));
                if (!exceptCollections.contains(collection) && !isKeyed(BsonDocument.parse(filter))) {
                    scans.add(query);
                }
            }
        }
        return scans;
    }

    static boolean isKeyed(BsonDocument filter) {
        if (!KEYED.contains(filter.keySet())) {
            return false;
        }
        for (BsonValue value : filter.values()) {
            if (value.isDocument() && !value.asDocument().keySet().equals(Set.of("$in"))) {
                return false;
            }
        }
        return true;
    }
}
