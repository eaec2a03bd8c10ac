package id.go.imigrasi.mpaspor.application.support;

import java.util.Map;

import id.go.imigrasi.mpaspor.simulators.dukcapil.DukcapilStub;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The Dukcapil stub from simulators/, in-process on a free port, as the service's Dukcapil. */
public class DukcapilStubResource implements QuarkusTestResourceLifecycleManager {

    private static DukcapilStub stub;

    @Override
    public synchronized Map<String, String> start() {
        stub = DukcapilStub.start(0);
        stub.latency(5, 30);
        return Map.of("quarkus.rest-client.dukcapil.url", stub.url());
    }

    @Override
    public synchronized void stop() {
        if (stub != null) {
            stub.close();
            stub = null;
        }
    }

    public static synchronized DukcapilStub stub() {
        if (stub == null) {
            throw new IllegalStateException("the Dukcapil stub is not running");
        }
        return stub;
    }
}
