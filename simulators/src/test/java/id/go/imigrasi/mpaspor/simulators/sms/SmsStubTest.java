package id.go.imigrasi.mpaspor.simulators.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;
import org.awaitility.Awaitility;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SMS provider's stub accepts messages, shows each number what it received, can be made to fail, answers a
 * repeated reference with the first message, and posts signed delivery receipts.
 */
class SmsStubTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private SmsStub stub;

    @BeforeEach
    void start() {
        stub = SmsStub.start(0);
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private HttpResponse<String> post(String path, String json) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(stub.url() + path))
                .POST(HttpRequest.BodyPublishers.ofString(json)).header("Content-Type", "application/json").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aSentMessageIsReadByItsNumberOnlyAndFailureAnswers503WithRetryAfter() throws Exception {
        assertThat(post("/messages", "{\"to\":\"081200000001\",\"text\":\"Kode: 123456\"}").statusCode()).isEqualTo(202);
        assertThat(post("/messages", "{\"to\":\"081200000002\",\"text\":\"lain\"}").statusCode()).isEqualTo(202);
        assertThat(stub.messagesTo("081200000001")).extracting(SmsStub.Message::text).containsExactly("Kode: 123456");
        HttpResponse<String> listed = http.send(HttpRequest.newBuilder(
                URI.create(stub.url() + "/admin/messages?to=081200000002")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(listed.body()).contains("lain").doesNotContain("123456");
        assertThat(post("/messages", "{\"to\":\"\"}").statusCode()).isEqualTo(400);

        post("/admin/failure", "{\"fail\":true}");
        HttpResponse<String> refused = post("/messages", "{\"to\":\"081200000001\",\"text\":\"x\"}");
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.headers().firstValue("Retry-After")).contains("5");
        assertThat(stub.messagesTo("081200000001")).hasSize(1);
    }

    /** A receipt as the stub posted it: the body and its signature header. */
    private record Posted(String body, String signature) {
    }

    @Test
    void aRepeatedReferenceSendsOnceAndEveryMessageGetsOneSignedReceipt() throws Exception {
        List<Posted> posted = new CopyOnWriteArrayList<>();
        HttpServer callback = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        callback.createContext("/receipts", exchange -> {
            posted.add(new Posted(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst(SmsStub.SIGNATURE_HEADER)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        callback.start();
        try {
            String url = "http://127.0.0.1:" + callback.getAddress().getPort() + "/receipts";
            String message = "{\"to\":\"081200000003\",\"text\":\"Kode: 1\",\"channel\":\"WHATSAPP\","
                    + "\"reference\":\"ref-1\",\"statusCallback\":\"" + url + "\"}";
            HttpResponse<String> first = post("/messages", message);
            HttpResponse<String> again = post("/messages", message);
            assertThat(first.statusCode()).isEqualTo(202);
            assertThat(again.body()).as("the same reference, the same message").isEqualTo(first.body());
            assertThat(stub.messagesTo("081200000003")).hasSize(1)
                    .allSatisfy(m -> assertThat(m.channel()).isEqualTo("WHATSAPP"));

            stub.undeliverable("081200000004");
            post("/messages", "{\"to\":\"081200000004\",\"text\":\"x\",\"reference\":\"ref-2\","
                    + "\"statusCallback\":\"" + url + "\"}");

            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> posted.size() == 2);
            for (Posted receipt : posted) {
                assertThat(receipt.signature()).isEqualTo(SmsStub.signature(
                        receipt.body().getBytes(StandardCharsets.UTF_8),
                        SmsStub.DEV_RECEIPT_SECRET.getBytes(StandardCharsets.UTF_8)));
            }
            assertThat(posted).anySatisfy(r -> assertThat(r.body()).contains("\"reference\":\"ref-1\"")
                    .contains("\"status\":\"DELIVERED\""));
            assertThat(posted).anySatisfy(r -> assertThat(r.body()).contains("\"reference\":\"ref-2\"")
                    .contains("\"status\":\"FAILED\""));
        } finally {
            callback.stop(0);
        }
    }

    @Test
    void moreThanTheRatePerSecondIsRefusedWith429AndRetryAfter() throws Exception {
        try (SmsStub limited = SmsStub.start(0, 3)) {
            List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> burst = new java.util.ArrayList<>();
            for (int i = 0; i < 30; i++) { // at once: 3 a second cannot take them all
                burst.add(http.sendAsync(HttpRequest.newBuilder(URI.create(limited.url() + "/messages"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"081200000005\",\"text\":\"" + i + "\"}"))
                        .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()));
            }
            int refused = 0;
            for (var answer : burst) {
                HttpResponse<String> response = answer.get();
                if (response.statusCode() == 429) {
                    refused++;
                    assertThat(response.headers().firstValue("Retry-After")).contains("1");
                } else {
                    assertThat(response.statusCode()).isEqualTo(202);
                }
            }
            assertThat(refused).isPositive();
            assertThat(limited.messagesTo("081200000005")).hasSize(30 - refused);
        }
    }
}
