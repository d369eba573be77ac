package org.hearth;

import static com.tngtech.archunit.base.DescribedPredicate.alwaysTrue;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * A feature's templates call only its own templates and the platform's shared ones (layout,
 * form token, fields): a page that shows several features is composed in {@code org.hearth.web},
 * and a feature that adds to another's page hands it rendered content instead (as with
 * {@link org.hearth.conversation.PostExtension}). Spring Modulith does not see template calls,
 * because jte compiles each template to a class of its own package outside {@code org.hearth};
 * this checks those classes.
 */
class TemplateBoundariesTest {

    private static final String TEMPLATES = "gg.jte.generated.precompiled.org.hearth";
    private static final JavaClasses COMPILED_TEMPLATES = new ClassFileImporter().importPackages(TEMPLATES);

    @Test
    void aFeaturesTemplatesCallNoOtherFeaturesTemplates() {
        slices().matching(TEMPLATES + ".(*)..").namingSlices("templates of $1")
                .should().notDependOnEachOther()
                .ignoreDependency(alwaysTrue(), resideInAPackage(TEMPLATES + ".platform.."))
                .ignoreDependency(resideInAPackage(TEMPLATES + ".web.."), alwaysTrue())
                .because("a feature owns its pages; pages of several features are composed in org.hearth.web")
                .check(COMPILED_TEMPLATES);
    }

    @Test
    void theCheckSeesOneTemplateCallingAnother() {
        // were jte to call templates some other way, the rule above would pass without checking anything
        // (the topic template and its content blocks, which jte compiles to nested classes)
        assertThat(COMPILED_TEMPLATES.stream()
                .filter(template -> template.getName().startsWith(TEMPLATES + ".conversation.web.JtetopicGenerated"))
                .flatMap(template -> template.getDirectDependenciesFromSelf().stream())
                .map(dependency -> dependency.getTargetClass().getName()))
                .contains(TEMPLATES + ".conversation.web.JtepostGenerated");
    }
}
