package org.jiguan.platform.local;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.bson.Json;
import org.h2.mvstore.MVMap;

/**
 * A unique index of the local store whose keys are strings that encode the indexed values, so H2 compares them as
 * strings. mongo-java-server's own H2 index keys its map by {@link KeyValue}, which is not {@code Comparable}: H2
 * then compares two keys by serializing both, at every step of every lookup, which took half the store's CPU under
 * load and grew with the index. Two keys are encoded alike exactly when they are equal as the server compares them
 * (after its normalization: numbers as doubles, documents whatever the order of their fields). Each entry keeps
 * the {@link KeyValue} too, for the few queries that walk the whole index (a regular expression on {@code _id}).
 */
final class EncodedKeyIndex extends AbstractUniqueIndex<Object> {
    private final MVMap<String, Object[]> entries;

    EncodedKeyIndex(MVMap<String, Object[]> entries, String name, List<IndexKey> keys, boolean sparse) {
        super(name, keys, sparse);
        this.entries = entries;
    }

    @Override
    protected Object removeDocument(KeyValue key) {
        Object[] entry = entries.remove(encode(key));
        return entry == null ? null : entry[1];
    }

    @Override
    protected boolean putKeyPosition(KeyValue key, Object position) {
        return entries.putIfAbsent(encode(key), new Object[] {key, Missing.ofNullable(position)}) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
        List<Map.Entry<KeyValue, Object>> all = new ArrayList<>();
        for (Object[] entry : entries.values()) {
            all.add(Map.entry((KeyValue) entry[0], entry[1]));
        }
        return all;
    }

    @Override
    protected Object getPosition(KeyValue key) {
        Object[] entry = entries.get(encode(key));
        return entry == null ? null : entry[1];
    }

    @Override
    public long getCount() {
        return entries.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    static String encode(KeyValue key) {
        StringBuilder encoded = new StringBuilder();
        for (Object value : key.normalized()) {
            append(encoded, value);
        }
        return encoded.toString();
    }

    /** A type tag, then the value; texts with their length, so no value can end early or run into the next. */
    private static void append(StringBuilder encoded, Object value) {
        if (value == null) {
            encoded.append('z');
        } else if (value instanceof String text) {
            encoded.append('s').append(text.length()).append(':').append(text);
        } else if (value instanceof Double || value instanceof Long || value instanceof Boolean) {
            encoded.append(value.getClass().getSimpleName().charAt(0)).append(value).append(';');
        } else if (value instanceof Map<?, ?> document) {
            encoded.append('{');
            new TreeMap<>(document).forEach((field, fieldValue) -> {
                append(encoded, field);
                append(encoded, fieldValue);
            });
            encoded.append('}');
        } else if (value instanceof Collection<?> values) {
            encoded.append('[');
            values.forEach(element -> append(encoded, element));
            encoded.append(']');
        } else {
            String text = value.getClass().getName() + ':' + Json.toCompactJsonValue(value);
            encoded.append('o').append(text.length()).append(':').append(text);
        }
    }
}
