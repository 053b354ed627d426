package org.jiguan.platform.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * ARCHITECTURE.md for one command service ({@code org.jiguan.<service>}): the domain and its messages are plain
 * Java (plus Axon), with no Spring, Kafka, Mongo or HTTP, and the messages do not know the domain.
 */
public final class ServiceArchitecture {
    private ServiceArchitecture() {
    }

    public static void check(String servicePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(servicePackage);
        noClasses().that().resideInAnyPackage(servicePackage + ".domain..", servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "com.mongodb..", "org.bson..",
                        "jakarta.servlet..", servicePackage + ".web..", servicePackage + ".config..",
                        servicePackage + ".messaging..", "org.jiguan.platform.web..",
                        "org.jiguan.platform.security..", "org.jiguan.platform.messaging..")
                .check(classes);
        noClasses().that().resideInAPackage(servicePackage + ".api..")
                .should().dependOnClassesThat().resideInAPackage(servicePackage + ".domain..")
                .check(classes);
    }
}
