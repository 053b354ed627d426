package org.jiguan.platform.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * The one place where the two Jacksons meet. Events are Jackson 2 ({@code com.fasterxml.jackson}): the
 * {@link EventJson} mapper is the service's only Jackson 2 {@code ObjectMapper} bean, which Axon's serializers,
 * the Kafka publisher and consumers take. HTTP is Jackson 3 ({@code tools.jackson}): Spring Boot's own
 * {@code JsonMapper}, set up in {@code jiguan-platform.properties} to behave as Boot's Jackson 2 did, for request
 * and response bodies and problem+json.
 */
@AutoConfiguration(beforeName = {"org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration",
        "org.axonframework.springboot.autoconfig.AxonAutoConfiguration"})
public class JsonConfiguration {

    /** Named as Axon's serializer configuration looks for it first; Axon's own default then stays out. */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper eventObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * A response may carry an event's data as read from Kafka, a Jackson 2 tree (oversight's histories): HTTP
     * writes it as the JSON it holds rather than as a Java bean.
     */
    @Bean
    public JsonMapperBuilderCustomizer eventTreesOverHttp() {
        return builder -> builder.addModule(new SimpleModule("jiguan-event-trees")
                .addSerializer(com.fasterxml.jackson.databind.JsonNode.class, new EventTreeSerializer()));
    }

    static final class EventTreeSerializer extends ValueSerializer<com.fasterxml.jackson.databind.JsonNode> {
        @Override
        public void serialize(com.fasterxml.jackson.databind.JsonNode tree, JsonGenerator json,
                              SerializationContext context) {
            if (tree.isMissingNode()) {
                json.writeNull(); // as Jackson 2 writes it
            } else {
                json.writeRawValue(tree.toString());
            }
        }
    }
}
