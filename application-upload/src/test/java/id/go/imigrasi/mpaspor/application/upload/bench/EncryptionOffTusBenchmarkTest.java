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

/** The upload benchmark with encryption at rest off ({@link TusBenchmarkRun}); run only when asked. */
@QuarkusTest
@TestProfile(EncryptionOffTusBenchmarkTest.EncryptionOff.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@EnabledIfSystemProperty(named = TusBenchmarkRun.CLIENTS, matches = "\\d+")
class EncryptionOffTusBenchmarkTest {

    /** Encryption at rest off. */
    public static class EncryptionOff extends TusBenchmarkRun.Profile {
        public EncryptionOff() {
            super(false);
        }
    }

    @Test
    void everyUploadCompletesVerifiedWithEncryptionOff() throws Exception {
        TusBenchmarkRun.Result result = TusBenchmarkRun.measure("off");
        assertThat(result.exitCode()).as("every upload completed and verified:%n%s", result.output()).isZero();
    }
}
