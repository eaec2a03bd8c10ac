package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.platform.security.VerifiedTokens;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The edge lets through valid tokens and public routes, and answers everything else 401 problem+json itself. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class EdgeAuthenticationTest {

    @Inject
    VerifiedTokens verifiedTokens;

    private static final String PROBLEMS = "https://mpaspor.imigrasi.go.id/problems/";

    @Test
    void missingTokenIs401ProblemInTheAskedLanguageAndNeverReachesTheService() {
        given().header("Accept-Language", "en").when().get("/api/v1/applications/a1")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .header("Content-Language", "en")
                .body("type", equalTo(PROBLEMS + "unauthorized"))
                .body("title", equalTo("Sign-in required"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/api/v1/applications/a1"))
                .body("requestId", org.hamcrest.Matchers.notNullValue())
                .body("service", org.hamcrest.Matchers.nullValue());
        given().when().get("/api/v1/applications/a1")
                .then().statusCode(401).header("Content-Language", "id").body("title", equalTo("Perlu masuk"));
    }

    @Test
    void forgedTokenIsRefused() {
        given().auth().oauth2(TestJwt.forged("acc-1")).header("Accept-Language", "en")
                .when().get("/api/v1/bills/123")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-token"))
                .body("title", equalTo("Token not accepted"));
    }

    @Test
    void expiredTokenIsRefused() {
        given().auth().oauth2(TestJwt.expired("acc-1")).when().get("/api/v1/bills/123")
                .then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo(PROBLEMS + "invalid-token"))
                .body("title", equalTo("Token tidak berlaku"));
    }

    @Test
    void garbageAndWrongSchemeAreRefused() {
        given().header("Authorization", "Bearer not.a.jwt").when().get("/api/v1/bills/123")
                .then().statusCode(401).body("type", equalTo(PROBLEMS + "invalid-token"));
        given().header("Authorization", "Basic dXNlcjpwYXNz").when().get("/api/v1/bills/123")
                .then().statusCode(401).body("type", equalTo(PROBLEMS + "unauthorized"));
    }

    @Test
    void validTokenIsForwardedForTheServiceToVerifyAgain() {
        String token = TestJwt.officer("officer-1", "JKT1");
        String seen = given().auth().oauth2(token).when().get("/api/v1/office/appointments")
                .then().statusCode(200).body("service", equalTo("biometric"))
                .extract().jsonPath().getString("headers.authorization");
        assertThat(seen).isEqualTo("Bearer " + token);
    }

    @Test
    void aTokenIsVerifiedOnceThenTakenFromMemoryAndAnExpiredOneIsNeverKept() {
        String token = TestJwt.applicant("acc-once");
        assertThat(verifiedTokens.isKnown(token)).isFalse();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).when().get("/api/v1/applications/a1").then().statusCode(200);
        }
        assertThat(verifiedTokens.isKnown(token)).isTrue();

        String expired = TestJwt.expired("acc-once");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(expired).when().get("/api/v1/applications/a1").then().statusCode(401)
                    .body("type", equalTo(PROBLEMS + "invalid-token"));
        }
        assertThat(verifiedTokens.isKnown(expired)).isFalse();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /api/v1/accounts, account",
            "POST, /api/v1/accounts/verification, account",
            "POST, /api/v1/accounts/otp, account",
            "POST, /api/v1/accounts/password-reset, account",
            "POST, /api/v1/auth/login, account",
            "POST, /api/v1/auth/refresh, account",
            "POST, /api/v1/application-status, application",
            "GET, /api/v1/offices, quota",
            "GET, /api/v1/offices/JKT1/calendar, quota",
            "POST, /api/v1/payments/callbacks/bni, billing" })
    void publicRoutesPassWithoutAToken(String method, String path, String service) {
        given().contentType("application/json").body("{}").when().request(method, path)
                .then().statusCode(200).body("service", equalTo(service));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "GET, /api/v1/accounts", "GET, /api/v1/accounts/me", "POST, /api/v1/offices",
            "POST, /api/v1/holds", "GET, /api/v1/payments/p1", "GET, /api/v1/admin/offices",
            "PATCH, /api/v1/uploads/u1" })
    void neighboursOfPublicRoutesNeedAToken(String method, String path) {
        given().contentType("application/json").body("{}").when().request(method, path)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void docsAndHealthNeedNoToken() {
        given().when().get(Management.url("/q/health/live")).then().statusCode(200);
        given().when().get("/docs/asyncapi.yaml").then().statusCode(200);
        given().queryParam("format", "json").when().get("/docs/openapi").then().statusCode(200);
    }
}
