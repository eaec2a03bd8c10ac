package id.go.imigrasi.mpaspor.biometric;

import static io.restassured.RestAssured.given;

import java.util.Optional;
import java.util.UUID;

import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.biometric.support.PosStubResource;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** biometric-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "biometric"))
@WithTestResource(value = PosStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class BiometricServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "biometric-service";
    }

    /** An applicant lists their appointments; an officer's check-in is the write. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        String applicant = TestJwt.applicant(UUID.randomUUID().toString());
        String officer = TestJwt.officer(UUID.randomUUID().toString(), "JKTSEL");
        return Optional.of(new LostConnectionProbe(
                "appointment", () -> given().auth().oauth2(applicant).when().get("/appointments").andReturn(),
                "appointment", () -> given().auth().oauth2(officer).contentType("application/json")
                        .body("{\"bookingCode\":\"KLMNPQRS\",\"nik\":\"3171014101900001\"}")
                        .when().post("/office/check-in").andReturn()));
    }
}
