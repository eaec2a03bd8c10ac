package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Fakes;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Readiness follows the services' liveness: one service reporting DOWN takes the gateway out, and back. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadinessTest {

    @Test
    void readinessIsDownWhileAServiceReportsItselfDownAndUpAgainAfter() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        Fakes.setLive("billing", false);
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503)
                            .body("checks.find { it.name == 'upstream services' }.data.billing-service",
                                    equalTo("DOWN")));
            given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            Fakes.setLive("billing", true);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP")));
    }
}
