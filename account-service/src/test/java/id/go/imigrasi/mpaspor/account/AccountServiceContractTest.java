package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;

import java.util.Optional;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** account-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
class AccountServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "account-service";
    }

    /** The admin reads their account; a registration is the write. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        String admin = Accounts.login("admin@mpaspor.test", "test-only-admin-Passw0rd").then().statusCode(200)
                .extract().path("accessToken");
        return Optional.of(new LostConnectionProbe(
                "account", () -> given().auth().oauth2(admin).when().get("/accounts/me").andReturn(),
                "account", () -> Accounts.register(Accounts.newEmail("putus"), Accounts.PASSWORD).andReturn()));
    }
}
