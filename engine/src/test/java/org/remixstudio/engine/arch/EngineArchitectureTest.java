package org.remixstudio.engine.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, enforced on every build. */
class EngineArchitectureTest {

    private static JavaClasses engine;

    @BeforeAll
    static void importEngine() {
        engine = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.remixstudio.engine");
    }

    @Test
    void theEngineNeverDependsOnJavaFx() {
        noClasses().should().dependOnClassesThat().resideInAPackage("javafx..").check(engine);
    }

    @Test
    void theCliUsesOnlyTheApiOfTheEngine() {
        noClasses().that().resideInAPackage("org.remixstudio.engine.cli..")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.remixstudio.engine..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAnyPackage(
                                "org.remixstudio.engine.api..", "org.remixstudio.engine.cli.."))))
                .check(engine);
    }

    @Test
    void internalPackagesNeverUseTheFacade() {
        noClasses().that().resideOutsideOfPackages("org.remixstudio.engine.api..", "org.remixstudio.engine.cli..")
                .should().dependOnClassesThat().haveSimpleName("RemixEngine")
                .orShould().dependOnClassesThat().haveSimpleName("PackageCatalog")
                .check(engine);
    }

    @Test
    void internalPackagesHaveNoCycles() {
        // The api facade wires the internal packages together and internal packages use api's value
        // types; the facade's own edges are therefore left out, every other cycle is an error.
        slices().matching("org.remixstudio.engine.(*)..")
                .should().beFreeOfCycles()
                .ignoreDependency(JavaClass.Predicates.resideInAnyPackage(
                        "org.remixstudio.engine.api..", "org.remixstudio.engine.cli.."), DescribedPredicate.alwaysTrue())
                .check(engine);
    }
}
