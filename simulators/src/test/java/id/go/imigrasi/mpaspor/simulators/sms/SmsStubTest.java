package id.go.imigrasi.mpaspor.simulators.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMS provider's stub accepts messages, shows each number what it received, and can be made to fail. */
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
}
