package id.go.imigrasi.mpaspor.simulators.dukcapil;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stub answers like the registry: seeded NIKs found, others 404, and its switches fail or slow it down. */
class DukcapilStubTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DukcapilStub stub;

    @BeforeEach
    void start() {
        stub = DukcapilStub.start(0);
        stub.latency(0, 5);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.url() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void seededNikIsFoundWithItsPersonAndUnknownNikIsNotFound() throws Exception {
        HttpResponse<String> found = get("/nik/3171014101900001");
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("\"birthDate\":\"1990-01-01\"").contains("\"sex\":\"FEMALE\"")
                .contains("Siti Rahmawati").contains("\"birthPlace\":\"Jakarta\"")
                .contains("\"phone\":\"081200000001\"");
        HttpResponse<String> unknown = get("/nik/3171019999999999");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("NIK_NOT_FOUND");
        assertThat(stub.lookups()).isEqualTo(2);
    }

    @Test
    void adminSwitchMakesItFailOverloadOrSlowAndBackToNormal() throws Exception {
        assertThat(post("/admin/mode", "{\"mode\":\"FAIL\"}").statusCode()).isEqualTo(200);
        assertThat(get("/nik/3171014101900001").statusCode()).isEqualTo(500);

        post("/admin/mode", "{\"mode\":\"OVERLOADED\"}");
        HttpResponse<String> overloaded = get("/nik/3171014101900001");
        assertThat(overloaded.statusCode()).isEqualTo(503);
        assertThat(overloaded.headers().firstValue("Retry-After")).contains("5");

        post("/admin/mode", "{\"mode\":\"SLOW\",\"latencyMs\":400}");
        long start = System.nanoTime();
        assertThat(get("/nik/3171014101900001").statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));

        post("/admin/mode", "{\"mode\":\"NORMAL\"}");
        assertThat(get("/nik/3171014101900001").statusCode()).isEqualTo(200);
        assertThat(post("/admin/mode", "{\"mode\":\"BROKEN\"}").statusCode()).isEqualTo(400);
        assertThat(get("/admin/stats").body()).contains("\"mode\":\"NORMAL\"");
    }

    @Test
    void aNikCanBeRegisteredAtRuntime() throws Exception {
        String person = "{\"nik\":\"3171010202020099\",\"fullName\":\"Tes\",\"birthDate\":\"2002-02-02\","
                + "\"birthPlace\":\"Jakarta\",\"sex\":\"MALE\"}";
        assertThat(post("/admin/nik", person).statusCode()).isEqualTo(201);
        assertThat(get("/nik/3171010202020099").statusCode()).isEqualTo(200);
        assertThat(post("/admin/nik", "{\"nik\":\"12\"}").statusCode()).isEqualTo(400);
    }
}
