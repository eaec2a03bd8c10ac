package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The website is published at / (everything but the API, the docs and Quarkus' paths), the API stays the API. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams.class,
        scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = WebsiteRouteTest.FakeWebsite.class, scope = TestResourceScope.MATCHING_RESOURCES)
class WebsiteRouteTest {

    @Test
    void theHomePageAndEveryOtherNonApiPathReachTheWebsiteWithTheClientsAddress() {
        JsonPath home = given().header("X-Forwarded-For", "203.0.113.9").when().get("/").then().statusCode(200)
                .extract().jsonPath();
        assertThat(home.getString("path")).isEqualTo("/");
        // the test plays the trusted load balancer (loopback): the client it names is passed on
        assertThat(home.getString("forwardedFor")).contains("203.0.113.9");
        assertThat(home.getString("forwardedProto")).isEqualTo("http");

        JsonPath page = given().when().get("/applications/abc/bill?x=1").then().statusCode(200).extract().jsonPath();
        assertThat(page.getString("path")).isEqualTo("/applications/abc/bill?x=1");
        given().contentType("application/x-www-form-urlencoded").formParam("csrf", "t").when().post("/login")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void theApiTheDocsAndQuarkusPathsStayTheGateways() {
        given().when().get("/api/v1/nothing").then().statusCode(404).contentType(containsString("problem+json"));
        // /q/* is the gateway's (its management port), never the website's: 404 problem+json on the public port
        given().when().get("/q/health/live").then().statusCode(404).contentType(containsString("problem+json"));
        given().when().get("/.well-known/jwks.json").then().statusCode(200).body("service", equalTo("account"));
    }

    /** A stand-in for the web module: answers every request with what it saw, as JSON. */
    public static class FakeWebsite implements QuarkusTestResourceLifecycleManager {

        private HttpServer server;

        @Override
        public Map<String, String> start() {
            try {
                server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.createContext("/", exchange -> {
                exchange.getRequestBody().readAllBytes();
                String body = "{\"path\":\"" + exchange.getRequestURI() + "\",\"method\":\""
                        + exchange.getRequestMethod() + "\",\"forwardedFor\":\""
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-For") + "\",\"forwardedProto\":\""
                        + exchange.getRequestHeaders().getFirst("X-Forwarded-Proto") + "\"}";
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return Map.of("mpaspor.website.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
