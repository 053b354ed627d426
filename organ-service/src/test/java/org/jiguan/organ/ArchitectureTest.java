package org.jiguan.organ;

import org.jiguan.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md: the domain and its messages are plain Java (plus Axon); no Spring, Kafka, Mongo or HTTP. */
class ArchitectureTest {
    @Test
    void domain_and_messages_are_free_of_infrastructure() {
        ServiceArchitecture.check("org.jiguan.organ");
    }
}
