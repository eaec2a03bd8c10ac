package id.go.imigrasi.mpaspor.quota;

import static io.restassured.RestAssured.given;

import java.util.Optional;

import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.ServiceContract;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** quota-service boots against the real broker and a fresh database and keeps the platform's promises. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class QuotaServiceContractTest extends ServiceContract {

    @Override
    protected String applicationName() {
        return "quota-service";
    }

    /** The office catalogue is the read; an admin replacing an office's weekday rules (with the same) the write. */
    @Override
    protected Optional<LostConnectionProbe> lostConnectionProbe() {
        String admin = TestJwt.admin("admin-lost-connection");
        String rules = given().auth().oauth2(admin).when().get("/admin/offices/JKTSEL/rules").then().statusCode(200)
                .extract().asString();
        return Optional.of(new LostConnectionProbe(
                "office", () -> given().when().get("/offices").andReturn(),
                "office_rule", () -> given().auth().oauth2(admin).contentType("application/json").body(rules)
                        .when().put("/admin/offices/JKTSEL/rules").andReturn()));
    }
}
