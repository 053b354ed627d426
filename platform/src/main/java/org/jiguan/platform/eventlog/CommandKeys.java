package org.jiguan.platform.eventlog;

import static com.mongodb.client.model.Filters.in;

import java.util.List;
import java.util.Optional;

import com.mongodb.client.MongoCollection;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.bson.Document;

/**
 * A command's key stored with its events ({@code Idempotency-Key}, ARCHITECTURE.md): a command that carries
 * {@value #METADATA} in its metadata has the key written into its commit's {@code streams}, whose unique index makes
 * a key stored by exactly one commit, together with the command's result ({@code commandResult}, as the event
 * serializer writes it). Finding the commit of a key is then a lookup on that index ({@link #storedResult}), and a
 * second commit with the same key is refused like a racing command's.
 */
public final class CommandKeys {
    /** The metadata entry of a command that holds its key. */
    public static final String METADATA = "commandKey";
    static final String RESULT = "commandResult";

    private CommandKeys() {
    }

    /** Adds the key and result of the command whose unit of work stores {@code commit}, if it has a key. */
    static Document addTo(Document commit, Serializer serializer) {
        if (!CurrentUnitOfWork.isStarted()) {
            return commit;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (!(root.getMessage() instanceof CommandMessage<?> command)
                || !(command.getMetaData().get(METADATA) instanceof String key)) {
            return commit;
        }
        commit.getList(CommitDocuments.STREAMS, String.class).add(key);
        Object result = root.getExecutionResult() == null ? null
                : ((ResultMessage<?>) root.getExecutionResult().getResult()).getPayload();
        if (result != null) {
            SerializedObject<String> serialized = serializer.serialize(result, String.class);
            commit.append(RESULT, new Document("type", serialized.getType().getName())
                    .append("revision", serialized.getType().getRevision()).append("data", serialized.getData()));
        }
        return commit;
    }

    /**
     * The result of the command stored under {@code key}, if a commit holds it: empty if none does, an empty
     * {@link StoredResult#value()} if the command returned nothing.
     */
    static Optional<StoredResult> storedResult(MongoCollection<Document> commits, String key, Serializer serializer) {
        Document commit = commits.find(in(CommitDocuments.STREAMS, List.of(key)))
                .projection(new Document(RESULT, 1)).first();
        if (commit == null) {
            return Optional.empty();
        }
        Document result = commit.get(RESULT, Document.class);
        return Optional.of(new StoredResult(result == null ? null : serializer.deserialize(new SimpleSerializedObject<>(
                result.getString("data"), String.class, result.getString("type"), result.getString("revision")))));
    }

    /** A stored command's result ({@code null} when it returned nothing). */
    public record StoredResult(Object value) {
    }
}
