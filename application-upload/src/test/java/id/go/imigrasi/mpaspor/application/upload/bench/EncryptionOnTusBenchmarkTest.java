package id.go.imigrasi.mpaspor.application.upload.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The upload benchmark with encryption at rest on ({@link TusBenchmarkRun}); run only when asked. */
@QuarkusTest
@TestProfile(EncryptionOnTusBenchmarkTest.EncryptionOn.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@EnabledIfSystemProperty(named = TusBenchmarkRun.CLIENTS, matches = "\\d+")
class EncryptionOnTusBenchmarkTest {

    /** Encryption at rest on. */
    public static class EncryptionOn extends TusBenchmarkRun.Profile {
        public EncryptionOn() {
            super(true);
        }
    }

    @Test
    void everyUploadCompletesVerifiedWithEncryptionOn() throws Exception {
        TusBenchmarkRun.Result result = TusBenchmarkRun.measure("on");
        assertThat(result.exitCode()).as("every upload completed and verified:%n%s", result.output()).isZero();
    }
}
