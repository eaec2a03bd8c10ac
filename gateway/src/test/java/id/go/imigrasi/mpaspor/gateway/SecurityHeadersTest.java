package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 25, security 7: every answer, the services' and the gateway's own, carries nosniff, a referrer policy
 * and frame-ancestors 'none'; HSTS only over TLS as a trusted proxy tells it (the test profile trusts loopback,
 * as a load balancer); personal data and tokens are never stored by a browser or a cache.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SecurityHeadersTest {

    private static final String TOKEN = TestJwt.applicant("acc-headers");

    private static void hasTheBaseline(Response response) {
        response.then().header("X-Content-Type-Options", "nosniff").header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void aServicesAnswerOverPlainHttpHasTheBaselineButNoHsts() {
        Response response = given().when().get("/api/v1/offices/JKT1/calendar");
        response.then().statusCode(200).header("Strict-Transport-Security", nullValue());
        hasTheBaseline(response);
        // the calendar is public and cacheable: no no-store
        assertThat(response.header("Cache-Control")).isNull();
    }

    @Test
    void theGatewaysOwnRefusalsHaveTheBaselineToo() {
        hasTheBaseline(given().when().get("/api/v1/passports/x").then().statusCode(404).extract().response());
        hasTheBaseline(given().when().get("/api/v1/applications").then().statusCode(401).extract().response());
        hasTheBaseline(given().urlEncodingEnabled(false).when().get("/api/v1/x/../applications")
                .then().statusCode(400).extract().response());
    }

    @Test
    void hstsWhenATrustedProxySaysTheClientCameOverTls() {
        Response response = given().header("X-Forwarded-Proto", "https").when().get("/api/v1/offices");
        response.then().statusCode(200).header("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
                .body("headers.x-forwarded-proto", equalTo("https"));
        given().header("X-Forwarded-Proto", "http").when().get("/api/v1/offices").then()
                .header("Strict-Transport-Security", nullValue());
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/v1/accounts/me", "/api/v1/applications/a1", "/api/v1/bills/123/invoice.pdf",
            "/api/v1/holds/h1", "/api/v1/bookings/b1", "/api/v1/appointments/p1", "/api/v1/uploads/u1",
            "/api/v1//applications/a1/" })
    void personalDataIsNeverStored(String path) {
        Response response = given().auth().oauth2(TOKEN).urlEncodingEnabled(false).when().get(path);
        response.then().statusCode(200).header("Cache-Control", "no-store");
        hasTheBaseline(response);
    }

    @Test
    void tokensFromLoginAreNeverStored() {
        given().contentType("application/json").body("{}").when().post("/api/v1/auth/login").then().statusCode(200)
                .header("Cache-Control", "no-store");
    }
}
