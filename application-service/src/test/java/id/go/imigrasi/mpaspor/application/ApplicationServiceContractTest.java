package id.go.imigrasi.mpaspor.application;

import static io.restassured.RestAssured.given;

import java.util.Optional;
import java.util.UUID;

import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** application-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApplicationServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "application-service";
    }

    /** An applicant lists their applications; creating one is the write. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        String token = TestJwt.applicant(UUID.randomUUID().toString());
        return Optional.of(new LostConnectionProbe(
                "application", () -> given().auth().oauth2(token).when().get("/applications").andReturn(),
                "application", () -> given().auth().oauth2(token).contentType("application/json").body("{}")
                        .when().post("/applications").andReturn()));
    }
}
