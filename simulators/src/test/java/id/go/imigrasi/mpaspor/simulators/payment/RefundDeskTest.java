package id.go.imigrasi.mpaspor.simulators.payment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator.RefundDesk;

/**
 * The channels' refund desk over real HTTP: a refund of a payment the channel took, once per idempotency key;
 * unknown payments, mismatches, reused keys and double refunds refused; the failure switch.
 */
class RefundDeskTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RefundDesk desk;

    @BeforeEach
    void start() throws IOException {
        desk = new RefundDesk().start(0);
        desk.recordPayment("atm", "ATM-1", "812345678901234", 650_000);
    }

    @AfterEach
    void stop() {
        desk.close();
    }

    private HttpResponse<String> refund(String channel, String key, String reference, String code, long amount)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(desk.url() + "/channels/" + channel
                + "/refunds")).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"channelReference\":\"" + reference
                        + "\",\"billingCode\":\"" + code + "\",\"amount\":" + amount + "}"));
        if (key != null) {
            request.header(RefundDesk.IDEMPOTENCY_KEY, key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String error(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body()).get("error").asText();
    }

    @Test
    void refundsAKnownPaymentOnceAndAnswersTheSameKeyWithTheSameRefund() throws Exception {
        HttpResponse<String> first = refund("atm", "case-1", "ATM-1", "812345678901234", 650_000);

        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode refund = JSON.readTree(first.body());
        assertThat(refund.get("refundReference").asText()).matches("RF-ATM-\\d{8}-\\d{6}");
        assertThat(refund.get("channelReference").asText()).isEqualTo("ATM-1");
        assertThat(refund.get("amount").asLong()).isEqualTo(650_000);

        HttpResponse<String> again = refund("atm", "case-1", "ATM-1", "812345678901234", 650_000);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body());
        assertThat(again.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(desk.refunds()).isEqualTo(1);

        // the same payment under another key: the money went back already
        HttpResponse<String> otherKey = refund("atm", "case-2", "ATM-1", "812345678901234", 650_000);
        assertThat(otherKey.statusCode()).isEqualTo(409);
        assertThat(error(otherKey)).isEqualTo("already-refunded");
        assertThat(desk.refunds()).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithOneKeyRefundOnce() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return refund("atm", "case-9", "ATM-1", "812345678901234", 650_000);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        List<HttpResponse<String>> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201, 200);
        assertThat(answers.stream().filter(a -> a.statusCode() == 201)).hasSize(1);
        assertThat(answers.stream().map(HttpResponse::body).distinct()).hasSize(1);
        assertThat(desk.refunds()).isEqualTo(1);
    }

    @Test
    void refusesUnknownPaymentsMismatchesReusedKeysAndMissingKeys() throws Exception {
        HttpResponse<String> unknown = refund("atm", "k1", "ATM-404", "812345678901234", 650_000);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(error(unknown)).isEqualTo("unknown-payment");
        // another channel never took ATM-1
        assertThat(refund("alfamart", "k2", "ATM-1", "812345678901234", 650_000).statusCode()).isEqualTo(404);
        HttpResponse<String> tooMuch = refund("atm", "k3", "ATM-1", "812345678901234", 650_001);
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(error(tooMuch)).isEqualTo("refund-does-not-match-payment");
        assertThat(refund("atm", null, "ATM-1", "812345678901234", 650_000).statusCode()).isEqualTo(400);
        assertThat(desk.refunds()).isZero();

        assertThat(refund("atm", "k4", "ATM-1", "812345678901234", 650_000).statusCode()).isEqualTo(201);
        desk.recordPayment("atm", "ATM-2", "812345678901234", 650_000);
        HttpResponse<String> reused = refund("atm", "k4", "ATM-2", "812345678901234", 650_000);
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(error(reused)).isEqualTo("idempotency-key-reused");
        assertThat(desk.refunds()).isEqualTo(1);
    }

    @Test
    void unavailableAnswers503WithRetryAfterAndRefundsNothingUntilBack() throws Exception {
        desk.failure(RefundDesk.FailureMode.UNAVAILABLE);
        HttpResponse<String> down = refund("atm", "case-1", "ATM-1", "812345678901234", 650_000);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Retry-After")).isPresent();
        assertThat(desk.refunds()).isZero();

        desk.failure(RefundDesk.FailureMode.NONE);
        assertThat(refund("atm", "case-1", "ATM-1", "812345678901234", 650_000).statusCode()).isEqualTo(201);
        assertThat(desk.refundCalls()).isEqualTo(2);
    }

    @Test
    void aSimulatedChannelTellsItsDeskOfEveryPaymentTheServiceAccepted() throws Exception {
        // a stand-in for billing-service's callback endpoint that accepts every payment
        HttpServer service = HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 8);
        service.createContext("/payments/callbacks/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        service.start();
        try {
            PaymentChannelSimulator channel = new PaymentChannelSimulator(
                    URI.create("http://127.0.0.1:" + service.getAddress().getPort()), "indomaret",
                    "x".repeat(40)).reportingTo(desk);
            assertThat(channel.pay("812345678901234", 350_000, "IDM-7").status()).isEqualTo(200);

            assertThat(refund("indomaret", "k", "IDM-7", "812345678901234", 350_000).statusCode()).isEqualTo(201);
        } finally {
            service.stop(0);
        }
    }
}
