package org.hearth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.core.ApplicationModules;

/** The features depend on each other one way only, and the house rules hold. */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(HearthApplication.class);
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hearth");

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicSurface() {
        MODULES.verify();
    }

    @Test
    void platformUsesNoFeature() {
        noClasses().that().resideInAPackage("org.hearth.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.hearth.identity..", "org.hearth.community..", "org.hearth.conversation..", "org.hearth.demo..")
                .check(MAIN);
    }

    @Test
    void onlyPersistenceCodeTalksToTheDatabase() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAPackage("org.jooq..")
                .because("pages call a feature's service; queries live in the feature's root package")
                .check(MAIN);
    }

    @Test
    void dependenciesAreInjectedThroughConstructors() {
        noFields().should().beAnnotatedWith(Autowired.class).check(MAIN);
    }

    @Test
    void timeComesFromTheInjectedClock() {
        noClasses().should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(Instant.class, "now")
                .orShould().callMethod(LocalDateTime.class, "now")
                .check(MAIN);
    }
}
