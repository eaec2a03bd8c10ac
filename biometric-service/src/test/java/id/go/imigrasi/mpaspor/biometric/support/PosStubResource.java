package id.go.imigrasi.mpaspor.biometric.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import id.go.imigrasi.mpaspor.simulators.pos.PosStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The Pos Indonesia stub on a free port, for the service's REST client. Shipments move only on the stub's admin
 * call (the tests drive them over HTTP, like Pos would progress them), with a little latency.
 */
public class PosStubResource implements QuarkusTestResourceLifecycleManager {

    private PosStub stub;

    @Override
    public Map<String, String> start() {
        try {
            stub = new PosStub(Duration.ZERO, Clock.systemUTC()).start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stub.latency(5, 30);
        return Map.of("quarkus.rest-client.pos.url", stub.url(),
                // a hanging Pos must not make the tests wait long
                "quarkus.rest-client.pos.read-timeout", "1500");
    }

    @Override
    public void stop() {
        if (stub != null) {
            stub.close();
        }
    }
}
