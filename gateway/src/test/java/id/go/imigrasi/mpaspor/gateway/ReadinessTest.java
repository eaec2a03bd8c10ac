package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams;
import id.go.imigrasi.mpaspor.gateway.support.Management;
import id.go.imigrasi.mpaspor.gateway.support.Fakes;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 25, faults 5: the gateway's readiness is its own; a service reporting itself DOWN shows in the separate
 * {@code upstreams} health group (for dashboards and alerts) and never takes the gateway out of a load balancer.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = FakeUpstreams.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReadinessTest {

    @Test
    void aServiceDownShowsInTheUpstreamsGroupWhileTheGatewayStaysReady() {
        given().when().get(Management.url("/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'gateway edge' }.status", equalTo("UP"));
        given().when().get(Management.url("/q/health/group/upstreams")).then().statusCode(200)
                .body("status", equalTo("UP"));
        Fakes.setLive("billing", false);
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                    given().when().get(Management.url("/q/health/group/upstreams")).then().statusCode(503)
                            .body("checks.find { it.name == 'upstream services' }.data.billing-service",
                                    equalTo("DOWN")));
            given().when().get(Management.url("/q/health/ready")).then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().when().get(Management.url("/q/health/live")).then().statusCode(200);
        } finally {
            Fakes.setLive("billing", true);
        }
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().when().get(Management.url("/q/health/group/upstreams")).then().statusCode(200)
                        .body("status", equalTo("UP")));
    }

    @Test
    void healthMetricsAndOpenApiOfQuarkusAreNotOnThePublicPort() {
        for (String path : new String[] { "/q/health/ready", "/q/health", "/q/metrics", "/q/gateway-openapi",
                "/q/openapi", "/Q/health", "//q/metrics", "/%71/health", "/q;x=y/health", "/q/" }) {
            given().urlEncodingEnabled(false).when().get(path).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().when().get(Management.url("/q/metrics")).then().statusCode(200);
    }
}
