package id.go.imigrasi.mpaspor.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The package rules of docs/service-shape.md, for one application's main classes (ArchUnit): the packages below the
 * base package ({@code rest}, {@code service}, {@code domain}, ...) form no cycle, and {@code service} never imports
 * {@code rest} (resources call use cases, never the reverse; request and view records live with the resources).
 * Each service's {@code ServiceShapeTest} calls {@link #check}.
 */
public final class ServiceShape {

    private ServiceShape() {
    }

    /** Fails with ArchUnit's report (every offending dependency) when a rule is broken. */
    public static void check(String basePackage) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(basePackage);
        if (classes.isEmpty()) {
            throw new AssertionError("no classes of " + basePackage + " found: wrong base package?");
        }
        slices().matching(basePackage + ".(*)..").namingSlices("$1")
                .should().beFreeOfCycles()
                .because("a reader finds a rule by following the packages one way (docs/service-shape.md)")
                .check(classes);
        noClasses().that().resideInAPackage(basePackage + ".service..")
                .should().dependOnClassesThat().resideInAPackage(basePackage + ".rest..")
                .because("use cases do not know the HTTP layer; request and view records live in rest")
                .allowEmptyShould(true)
                .check(classes);
    }
}
