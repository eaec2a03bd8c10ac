package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import id.go.imigrasi.mpaspor.simulators.sms.SmsStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The SMS/WhatsApp provider's stub ({@code simulators/}: {@link SmsStub}) for a test of a service that sends texts
 * through platform-mail: the platform's text client points at it, and the stub's signed receipts come back to the
 * test application's receipt endpoint (on a port chosen here, so the callback address is known before the
 * application starts). {@code @WithTestResource(TextProvider.class)}; {@link #stub()} reads what each phone got.
 */
public class TextProvider implements QuarkusTestResourceLifecycleManager {

    private static volatile SmsStub stub;

    /** The running stub. */
    public static SmsStub stub() {
        if (stub == null) {
            throw new IllegalStateException("the SMS/WhatsApp stub is not running");
        }
        return stub;
    }

    @Override
    public Map<String, String> start() {
        stub = SmsStub.start(0);
        int port = freePort();
        return Map.of("quarkus.rest-client.text-messages.url", stub.url(),
                "quarkus.http.test-port", String.valueOf(port),
                "mpaspor.mail.text.status-callback", "http://127.0.0.1:" + port + "/notifications/text-receipts",
                "mpaspor.mail.text.receipt-secret", SmsStub.DEV_RECEIPT_SECRET);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
