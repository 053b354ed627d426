package org.jiguan.oversight.views;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The folds are plain Java: no Spring, MongoDB, Kafka or HTTP types (ARCHITECTURE.md). */
@AnalyzeClasses(packages = "org.jiguan.oversight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    @ArchTest
    static final ArchRule views_are_pure = noClasses().that().resideInAnyPackage("..oversight.views..",
                    "..oversight.reminders..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.mongodb..", "org.bson..",
                    "org.apache.kafka..", "jakarta.servlet..", "org.jiguan.oversight.history..",
                    "org.jiguan.oversight.web..", "org.jiguan.platform.messaging..", "org.jiguan.platform.security..");
}
