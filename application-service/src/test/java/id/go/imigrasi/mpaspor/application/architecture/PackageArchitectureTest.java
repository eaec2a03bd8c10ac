package id.go.imigrasi.mpaspor.application.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * application-service's package graph (issue 24): no cycle between its packages, the use cases ({@code service})
 * never reach up into the HTTP layer ({@code rest}) nor into the Kafka consumers ({@code events}), the aggregate
 * ({@code domain}) depends on no other package of the service, and nothing of the upload module is imported: the
 * uploads are upload-service's, reached through events and its one document endpoint ({@code client}).
 */
class PackageArchitectureTest {

    private static final String BASE = "id.go.imigrasi.mpaspor.application";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(BASE);

    @Test
    void thePackagesHaveNoCycle() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    @Test
    void useCasesDoNotImportTheHttpLayerNorTheConsumers() {
        noClasses().that().resideInAPackage(BASE + ".service..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".rest..", BASE + ".events..")
                .check(CLASSES);
    }

    @Test
    void theDomainDependsOnNoOtherPackageOfTheService() {
        noClasses().that().resideInAPackage(BASE + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + ".service..", BASE + ".rest..",
                        BASE + ".events..", BASE + ".repository..", BASE + ".mail..", BASE + ".dukcapil..",
                        BASE + ".sms..", BASE + ".client..")
                .check(CLASSES);
    }

    @Test
    void nothingOfTheUploadModuleIsImported() {
        noClasses().that().resideInAPackage(BASE + "..")
                .should().dependOnClassesThat().resideInAPackage("id.go.imigrasi.mpaspor.application.upload..")
                .check(CLASSES);
    }
}
