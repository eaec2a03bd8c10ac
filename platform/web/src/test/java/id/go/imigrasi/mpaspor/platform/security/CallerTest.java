package id.go.imigrasi.mpaspor.platform.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The JWT conventions: who may read what, and how refusals look. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
class CallerTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void missingForgedOrExpiredTokenIsRefusedWith401Problem() {
        given().when().get("/test/me")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/unauthorized"));
        given().auth().oauth2(TestJwt.forged("a-1")).when().get("/test/me")
                .then().statusCode(401).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.expired("a-1")).when().get("/test/me")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void applicantIsIdentifiedByTheTokenSubject() {
        given().auth().oauth2(TestJwt.applicant("account-42")).when().get("/test/me")
                .then().statusCode(200).body(equalTo("account-42"));
    }

    @Test
    void applicantReadsOnlyTheirOwnDataAndSomeoneElsesLooksAbsent() {
        given().auth().oauth2(TestJwt.applicant("account-1")).when().get("/test/accounts/account-1")
                .then().statusCode(200);
        given().auth().oauth2(TestJwt.applicant("account-1")).when().get("/test/accounts/account-2")
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(TestJwt.admin("admin-1")).when().get("/test/accounts/account-2")
                .then().statusCode(200);
    }

    @Test
    void officerActsOnlyOnTheirOwnOffice() {
        given().auth().oauth2(TestJwt.officer("officer-1", "JKTSEL")).when().get("/test/offices/JKTSEL/queue")
                .then().statusCode(200).body(equalTo("queue of JKTSEL"));
        given().auth().oauth2(TestJwt.officer("officer-1", "JKTSEL")).when().get("/test/offices/SBY/queue")
                .then().statusCode(403).contentType(PROBLEM)
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/forbidden"));
        given().auth().oauth2(TestJwt.applicant("account-1")).when().get("/test/offices/JKTSEL/queue")
                .then().statusCode(403).contentType(PROBLEM);
    }
}
