package org.jiguan.organ;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** ARCHITECTURE.md: the domain and its messages are plain Java (plus Axon); no Spring, Kafka, Mongo or HTTP. */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.jiguan.organ");

    @Test
    void domain_is_free_of_infrastructure() {
        noClasses().that().resideInAnyPackage("org.jiguan.organ.domain..", "org.jiguan.organ.api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "jakarta.servlet..", "org.jiguan.organ.web..", "org.jiguan.organ.config..",
                        "org.jiguan.platform.web..", "org.jiguan.platform.security..",
                        "org.jiguan.platform.messaging..")
                .check(CLASSES);
    }

    @Test
    void messages_do_not_know_the_domain() {
        noClasses().that().resideInAPackage("org.jiguan.organ.api..")
                .should().dependOnClassesThat().resideInAPackage("org.jiguan.organ.domain..")
                .check(CLASSES);
    }
}
