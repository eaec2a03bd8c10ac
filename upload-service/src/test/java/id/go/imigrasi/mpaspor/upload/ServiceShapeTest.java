package id.go.imigrasi.mpaspor.upload;

import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.ServiceShape;

/** docs/service-shape.md: no package cycle, and service never imports rest (ArchUnit, on the main classes). */
class ServiceShapeTest {

    @Test
    void packagesFormNoCycleAndServiceNeverImportsRest() {
        // ArchUnit's rules throw on a violation (a package cycle, service importing rest): it must not
        assertThatCode(() -> ServiceShape.check("id.go.imigrasi.mpaspor.upload")).doesNotThrowAnyException();
    }
}
