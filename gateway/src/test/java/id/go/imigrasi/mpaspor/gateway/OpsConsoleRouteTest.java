package id.go.imigrasi.mpaspor.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

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

/** The ops console is published at /ops (its own process), the website keeps everything else that is not the API. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = { @ResourceArg(name = "database", value = "none"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = id.go.imigrasi.mpaspor.gateway.support.FakeUpstreams.class,
        scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = OpsConsoleRouteTest.FakeConsole.class, scope = TestResourceScope.MATCHING_RESOURCES)
class OpsConsoleRouteTest {

    @Test
    void theConsolesPathsReachTheConsoleWithTheClientsAddress() {
        JsonPath page = given().header("X-Forwarded-For", "203.0.113.7").when().get("/ops").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getString("path")).isEqualTo("/ops");
        assertThat(page.getString("forwardedFor")).contains("203.0.113.7");
        assertThat(given().when().get("/ops/dead-letters?topic=a.dlt").then().statusCode(200).extract().jsonPath()
                .getString("path")).isEqualTo("/ops/dead-letters?topic=a.dlt");
        given().contentType("application/x-www-form-urlencoded").formParam("csrf", "t").when().post("/ops/login")
                .then().statusCode(200).body("method", equalTo("POST"));
    }

    @Test
    void aPathThatOnlyStartsLikeTheConsolesIsTheWebsitesAndTheApiStaysTheApi() {
        // the website's route answers it (here with its "busy" page: no website runs), the console never sees it
        given().when().get("/opsx").then().body(not(containsString("\"path\":\"/opsx\"")));
        given().when().get("/api/v1/nothing").then().statusCode(404).contentType(containsString("problem+json"));
    }

    /** A stand-in for the ops-console module: answers every request with what it saw, as JSON. */
    public static class FakeConsole implements QuarkusTestResourceLifecycleManager {

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
            return Map.of("mpaspor.ops-console.url", "http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void stop() {
            if (server != null) {
                server.stop(0);
            }
        }
    }
}
