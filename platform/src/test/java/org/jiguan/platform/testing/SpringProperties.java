package org.jiguan.platform.testing;

import org.springframework.test.context.TestContextManager;

/**
 * Spring's test context for a jqwik property class: jqwik runs beside Jupiter on the JUnit Platform but does not
 * read Jupiter's extensions, so a property's test instance is prepared here as the Spring extension would prepare
 * it (the same cached application context as the class's Jupiter tests, its fields injected).
 */
public final class SpringProperties {
    private SpringProperties() {
    }

    public static void prepare(Object testInstance) {
        try {
            new TestContextManager(testInstance.getClass()).prepareTestInstance(testInstance);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot prepare the Spring test context of " + testInstance.getClass(), e);
        }
    }
}
