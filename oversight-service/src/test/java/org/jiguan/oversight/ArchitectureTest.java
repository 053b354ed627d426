package org.jiguan.oversight;

import org.jiguan.platform.testing.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/**
 * ARCHITECTURE.md: the folds, the reminder rules and the messages are plain Java (plus Axon); no Spring, Kafka, Mongo
 * or HTTP, and the messages do not know the domain.
 */
class ArchitectureTest {
    @Test
    void domain_and_messages_are_free_of_infrastructure() {
        ServiceArchitecture.check("org.jiguan.oversight");
    }
}
