package org.jiguan.platform.local;

import java.nio.ByteBuffer;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the local store writes a collection's documents into H2's pages: as BSON, with the server's own encoder and
 * decoder (those of its wire protocol). H2's default for an object it does not know is Java serialization, which
 * took about a third of the machine's CPU during an oversight rebuild (writing pages, and reading back pages its
 * cache had dropped) and is about four times as slow as BSON for a history chunk of 20 events. Each value starts with
 * a tag: {@link #BSON}, or Java serialization's tag from H2's {@link ObjectDataType}, which documents written by an
 * earlier version (or that BSON cannot encode) still carry, so a store written before opens and reads as it was.
 * A store written by this version cannot be opened by an earlier one.
 */
final class BsonDocumentType extends BasicDataType<Document> {
    /** A tag {@link ObjectDataType} gives no value (its tags are 0–14, 19 for serialized objects, 32 and up). */
    static final byte BSON = 20;
    private static final int INITIAL_AVERAGE = 10_000;

    private final ObjectDataType earlier = new ObjectDataType();
    /** The memory a document is taken to use in a page, as H2's serialized-object type estimates it. */
    private volatile int averageSize = INITIAL_AVERAGE;

    @Override
    public int getMemory(Document document) {
        return averageSize;
    }

    @Override
    public void write(WriteBuffer buffer, Document document) {
        ByteBuf bson = Unpooled.buffer(1024);
        try {
            BsonEncoder.encodeDocument(document, bson);
        } catch (RuntimeException notBson) {
            earlier.write(buffer, document); // a value BSON has no type for: Java serialization, as before
            return;
        }
        sized(bson.readableBytes());
        buffer.put(BSON).put(bson.nioBuffer());
    }

    @Override
    public Document read(ByteBuffer buffer) {
        if (buffer.get(buffer.position()) != BSON) {
            return (Document) earlier.read(buffer);
        }
        buffer.get();
        ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
        Document document = BsonDecoder.decodeBson(bson);
        sized(bson.readerIndex());
        buffer.position(buffer.position() + bson.readerIndex());
        return document;
    }

    /** Objects take about twice their encoded size in memory (H2's estimate for serialized objects). */
    private void sized(int encoded) {
        averageSize = (int) ((encoded * 2L + 15L * averageSize) / 16);
    }

    @Override
    public Document[] createStorage(int size) {
        return new Document[size];
    }
}
