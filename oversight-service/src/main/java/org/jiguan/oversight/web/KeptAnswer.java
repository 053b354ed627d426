package org.jiguan.oversight.web;

import java.io.StringWriter;
import java.util.AbstractList;
import java.util.List;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.annotation.JsonSerialize;

/**
 * A list answer kept with the read models it was computed from ({@code CommitteeRows.memo}), answered again as long
 * as they are unchanged: its JSON is written the first time it is answered and kept with it, so a committee's
 * 10,000 annual-report rows are not serialized again for every request. The same JSON as the list's own.
 */
@JsonSerialize(using = KeptAnswer.Written.class)
final class KeptAnswer<T> extends AbstractList<T> {
    private final List<T> items;
    private volatile String json;

    KeptAnswer(List<T> items) {
        this.items = List.copyOf(items);
    }

    @Override
    public T get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }

    static final class Written extends ValueSerializer<KeptAnswer<?>> {
        @Override
        public void serialize(KeptAnswer<?> answer, JsonGenerator json, SerializationContext context) {
            String written = answer.json;
            if (written == null) {
                StringWriter out = new StringWriter();
                try (JsonGenerator items = json.objectWriteContext().createGenerator(out)) {
                    context.writeValue(items, answer.items);
                }
                written = out.toString();
                answer.json = written;
            }
            json.writeRawValue(written);
        }
    }
}
