package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** biometric-service is down (its port is closed): its routes fail fast with 503, the gateway is not ready. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "down", value = "biometric"))
class UpstreamDownTest {

    @Test
    void routeToADownServiceAnswers503WithRetryAfterInUnderASecond() {
        String token = TestJwt.officer("officer-1", "JKT1");
        // warm the path once (class loading, token key), then measure
        given().auth().oauth2(token).when().get("/api/v1/appointments/p0").then().statusCode(503);
        long started = System.nanoTime();
        Response response = given().auth().oauth2(token).header("Accept-Language", "en")
                .when().get("/api/v1/office/appointments");
        long millis = (System.nanoTime() - started) / 1_000_000;
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/upstream-unavailable"))
                .body("detail", containsString("biometric-service"))
                .body("instance", equalTo("/api/v1/office/appointments"));
        System.out.printf("503 for a down service answered in %d ms%n", millis);
        assertThat(millis).isLessThan(1_000L);
        String metrics = given().when().get(Management.url("/q/metrics")).then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "mpaspor_gateway_upstream_unavailable_total\\{cause=\"refused\",[^}]*service=\"biometric-service\"[^}]*} [1-9]");
        // one uri tag per route prefix, not one per id
        assertThat(metrics).contains("uri=\"/api/v1/appointments/*\"").doesNotContain("uri=\"/api/v1/appointments/p0\"");
    }

    @Test
    void otherServicesStillAnswerWhileOneIsDown() {
        given().auth().oauth2(TestJwt.applicant("acc-1")).when().get("/api/v1/applications/a1")
                .then().statusCode(200).body("service", equalTo("application"));
    }

    @Test
    void theGatewayStaysReadyWhileTheUpstreamsGroupNamesTheServiceDown() {
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
        given().when().get(Management.url("/q/health/group/upstreams")).then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstream services' }.data.biometric-service", equalTo("DOWN"))
                .body("checks.find { it.name == 'upstream services' }.data.account-service", equalTo("UP"));
        given().when().get(Management.url("/q/health/live")).then().statusCode(200).body("status", equalTo("UP"));
    }
}
