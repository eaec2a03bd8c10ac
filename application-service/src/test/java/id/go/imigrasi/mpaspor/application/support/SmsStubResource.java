package id.go.imigrasi.mpaspor.application.support;

import java.util.Map;

import id.go.imigrasi.mpaspor.simulators.sms.SmsStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The SMS provider's stub from simulators/, in-process on a free port, as the service's SMS provider. */
public class SmsStubResource implements QuarkusTestResourceLifecycleManager {

    private static SmsStub stub;

    @Override
    public synchronized Map<String, String> start() {
        stub = SmsStub.start(0);
        return Map.of("quarkus.rest-client.sms.url", stub.url());
    }

    @Override
    public synchronized void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    public static synchronized SmsStub stub() {
        if (stub == null) {
            throw new IllegalStateException("the SMS stub is not running");
        }
        return stub;
    }
}
