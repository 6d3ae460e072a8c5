package org.remixstudio.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The studio talks to the engine only through its public API: {@code engine.api}, the spec document
 * model {@code engine.spec}, and {@code resolve.BaseVariant}. Views do not call the engine; only
 * view models (and the composition root) do.
 */
class ArchitectureTest {

    private final JavaClasses app = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.remixstudio.app");

    @Test
    void theAppUsesOnlyTheEnginesPublicApi() {
        noClasses().that().resideInAPackage("org.remixstudio.app..")
                .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                        "engine internals", c -> c.getPackageName().startsWith("org.remixstudio.engine")
                                && !c.getPackageName().equals("org.remixstudio.engine.api")
                                && !c.getPackageName().equals("org.remixstudio.engine.spec")
                                && !c.getName().equals("org.remixstudio.engine.resolve.BaseVariant")))
                .check(app);
    }

    @Test
    void controlsKnowNothingOfTheEngine() {
        noClasses().that().resideInAPackage("org.remixstudio.app.controls..")
                .should().dependOnClassesThat().resideInAPackage("org.remixstudio.engine..")
                .check(app);
    }

    @Test
    void viewsDoNotCallTheEngineFacade() {
        noClasses().that().haveSimpleNameEndingWith("View")
                .should().dependOnClassesThat().haveFullyQualifiedName("org.remixstudio.engine.api.RemixEngine")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("org.remixstudio.engine.api.PackageCatalog")
                .check(app);
    }
}
