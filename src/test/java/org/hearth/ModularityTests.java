package org.hearth;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The features depend on each other one way only, and the house rules hold. */
class ModularityTests {

    private static final String PLATFORM = "org.hearth.platform";
    private static final ApplicationModules MODULES = ApplicationModules.of(HearthApplication.class);
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.hearth");

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicSurface() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleDocumentation() throws IOException {
        // Into the repository rather than target/, so the diagrams and canvases are read beside
        // the code and a change of the module graph shows in review.
        Path folder = Path.of("docs", "modules");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        // Modulith adds the arrows in no fixed order; sorted, a diagram changes only when the modules do.
        try (var diagrams = Files.newDirectoryStream(folder, "*.puml")) {
            for (Path diagram : diagrams) {
                Files.writeString(diagram, withArrowsSorted(Files.readString(diagram)));
            }
        }
    }

    private static String withArrowsSorted(String plantUml) {
        List<String> lines = plantUml.lines().toList();
        Iterator<String> arrows = lines.stream().filter(ModularityTests::isArrow).sorted().iterator();
        return lines.stream()
                .map(line -> isArrow(line) ? arrows.next() : line)
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static boolean isArrow(String line) {
        return line.startsWith("Rel(");
    }

    @Test
    void everyTopLevelPackageNamesTheModulesItMayUse() {
        // Without the annotation Modulith allows a module every dependency, so a new feature
        // states its own from its first commit.
        assertThat(MAIN.getPackage("org.hearth").getSubpackages()).isNotEmpty().allSatisfy(feature ->
                assertThat(feature.tryGetAnnotationOfType(ApplicationModule.class))
                        .as("@ApplicationModule(allowedDependencies = ...) in the package-info.java of %s", feature.getName())
                        .hasValueSatisfying(module -> assertThat(module.allowedDependencies())
                                .doesNotContain(ApplicationModule.OPEN_TOKEN)));
    }

    @Test
    void platformUsesNoFeature() {
        String[] features = MODULES.stream()
                .map(module -> module.getBasePackage().getName())
                .filter(name -> !name.equals(PLATFORM))
                .map(name -> name + "..")
                .toArray(String[]::new);
        assertThat(features).as("features found beside the platform").isNotEmpty();
        noClasses().that().resideInAPackage(PLATFORM + "..")
                .should().dependOnClassesThat().resideInAnyPackage(features)
                .check(MAIN);
    }

    @Test
    void onlyPersistenceCodeTalksToTheDatabase() {
        noClasses().that().resideInAPackage("..web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.jooq..", "org.hearth..schema..")
                .because("pages call a feature's service; queries and the generated tables they use live below it")
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
