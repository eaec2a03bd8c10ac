package id.go.imigrasi.mpaspor.simulators.pos;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Pos Indonesia stub over real HTTP: shipments, tracking that advances, latency and the failure switch. */
class PosStubTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PARCEL = "{\"reference\":\"%s\",\"recipientName\":\"Budi Santoso\","
            + "\"address\":\"Jl. Melati No. 5, Jakarta\",\"postalCode\":\"12160\",\"phone\":\"+6281234567890\"}";

    private final HttpClient http = HttpClient.newHttpClient();
    private PosStub stub;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-20T02:00:00Z"));

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return Clock.fixed(now.get(), zone);
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stub.url() + path))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    @Test
    void createdShipmentHasATrackingNumberAndTheSameReferenceIsIdempotent() throws Exception {
        stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        HttpResponse<String> created = send("POST", "/shipments", PARCEL.formatted("appt-1"));
        assertThat(created.statusCode()).isEqualTo(201);
        String tracking = json(created).get("trackingNumber").asText();
        assertThat(tracking).matches("P\\d{13}");
        assertThat(json(created).get("status").asText()).isEqualTo("CREATED");

        HttpResponse<String> again = send("POST", "/shipments", PARCEL.formatted("appt-1"));
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(json(again).get("trackingNumber").asText()).isEqualTo(tracking);
        assertThat(stub.shipments()).isEqualTo(1);

        HttpResponse<String> other = send("POST", "/shipments", PARCEL.formatted("appt-2"));
        assertThat(json(other).get("trackingNumber").asText()).isNotEqualTo(tracking);
    }

    @Test
    void trackingAdvancesOverTimeThroughRealisticStatusesAndStopsAtDelivered() throws Exception {
        ManualClock clock = new ManualClock();
        stub = new PosStub(Duration.ofHours(6), clock).start(0);
        String tracking = json(send("POST", "/shipments", PARCEL.formatted("appt-3"))).get("trackingNumber").asText();

        assertThat(json(send("GET", "/shipments/" + tracking, null)).get("status").asText()).isEqualTo("CREATED");
        clock.now.set(clock.now.get().plus(Duration.ofHours(6)));
        assertThat(json(send("GET", "/shipments/" + tracking, null)).get("status").asText()).isEqualTo("PICKED_UP");
        clock.now.set(clock.now.get().plus(Duration.ofHours(13)));
        JsonNode outForDelivery = json(send("GET", "/shipments/" + tracking, null));
        assertThat(outForDelivery.get("status").asText()).isEqualTo("OUT_FOR_DELIVERY");
        assertThat(outForDelivery.get("history")).hasSize(4);
        clock.now.set(clock.now.get().plus(Duration.ofDays(10)));
        assertThat(json(send("GET", "/shipments/" + tracking, null)).get("status").asText()).isEqualTo("DELIVERED");
    }

    @Test
    void adminCallsAdvanceOrSetTheStatus() throws Exception {
        stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        String tracking = json(send("POST", "/shipments", PARCEL.formatted("appt-4"))).get("trackingNumber").asText();
        assertThat(json(send("POST", "/admin/shipments/" + tracking + "/advance", null)).get("status").asText())
                .isEqualTo("PICKED_UP");
        assertThat(json(send("GET", "/shipments/" + tracking, null)).get("status").asText()).isEqualTo("PICKED_UP");
        assertThat(json(send("POST", "/admin/shipments/" + tracking + "/status", "{\"status\":\"RETURNED_TO_SENDER\"}"))
                .get("status").asText()).isEqualTo("RETURNED_TO_SENDER");
        assertThat(send("POST", "/admin/shipments/" + tracking + "/status", "{\"status\":\"LOST\"}").statusCode())
                .isEqualTo(400);
        assertThat(send("GET", "/shipments/P0000000000000", null).statusCode()).isEqualTo(404);
    }

    @Test
    void missingFieldsAreRefusedWithTheirNames() throws Exception {
        stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        HttpResponse<String> refused = send("POST", "/shipments", "{\"reference\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("recipientName", "address", "postalCode");
        assertThat(stub.shipments()).isZero();
    }

    @Test
    void failureSwitchAnswers503WithRetryAfterOrHangsUntilSwitchedBack() throws Exception {
        stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        assertThat(send("POST", "/admin/failure", "{\"mode\":\"UNAVAILABLE\"}").statusCode()).isEqualTo(200);
        HttpResponse<String> unavailable = send("POST", "/shipments", PARCEL.formatted("appt-5"));
        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(stub.shipments()).isZero();

        stub.failure(PosStub.FailureMode.HANG);
        HttpRequest hanging = HttpRequest.newBuilder(URI.create(stub.url() + "/shipments/P1"))
                .timeout(Duration.ofMillis(500)).GET().build();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(hanging, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(HttpTimeoutException.class);

        assertThat(send("POST", "/admin/failure", "{\"mode\":\"NONE\"}").statusCode()).isEqualTo(200);
        assertThat(send("POST", "/shipments", PARCEL.formatted("appt-5")).statusCode()).isEqualTo(201);
    }

    @Test
    void latencyDelaysEveryShipmentCall() throws Exception {
        stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        send("POST", "/admin/latency", "{\"minMillis\":300,\"maxMillis\":400}");
        long start = System.nanoTime();
        assertThat(send("POST", "/shipments", PARCEL.formatted("appt-6")).statusCode()).isEqualTo(201);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
}
