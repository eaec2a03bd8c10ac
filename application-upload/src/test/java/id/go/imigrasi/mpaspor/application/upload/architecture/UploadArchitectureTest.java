package id.go.imigrasi.mpaspor.application.upload.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The upload module's package graph (issue 24): no cycle between its packages, the use cases ({@code service})
 * never import the HTTP layer ({@code rest}), and the module depends on nothing of application-service (it reaches
 * the applications only through its own port, {@code UploadTargets}, which the deployable implements).
 */
class UploadArchitectureTest {

    private static final String BASE = "id.go.imigrasi.mpaspor.application.upload";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void useCasesDoNotImportTheHttpLayer() {
        noClasses().that().resideInAPackage(BASE + ".service..")
                .should().dependOnClassesThat().resideInAPackage(BASE + ".rest..").check(CLASSES);
    }

    @Test
    void nothingOfApplicationServiceIsImported() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat(resideInAPackage("id.go.imigrasi.mpaspor.application..")
                        .and(resideOutsideOfPackage(BASE + "..")))
                .check(CLASSES);
    }
}
