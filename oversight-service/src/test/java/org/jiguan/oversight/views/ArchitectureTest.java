package org.jiguan.oversight.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The folds and reminder rules are plain Java: no Spring, MongoDB, Kafka or HTTP types (ARCHITECTURE.md). */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jiguan.oversight");

    @Test
    void views_and_reminders_are_free_of_infrastructure() {
        noClasses().that().resideInAnyPackage("org.jiguan.oversight.views..", "org.jiguan.oversight.reminders..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..",
                        "org.bson..", "org.apache.kafka..", "jakarta.servlet..", "org.jiguan.oversight.history..",
                        "org.jiguan.oversight.web..", "org.jiguan.oversight.config..",
                        "org.jiguan.platform.messaging..", "org.jiguan.platform.security..",
                        "org.jiguan.platform.web..")
                .check(CLASSES);
    }
}
