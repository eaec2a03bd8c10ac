package id.go.imigrasi.mpaspor.biometric.client;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.mutiny.Uni;

/**
 * The one way to Pos Indonesia: every call has a timeout and is retried with a short jittered delay. Creating a
 * shipment is safe to retry because the sender reference (the appointment id) makes it idempotent at Pos. Values
 * can be tuned per method with MicroProfile Fault Tolerance configuration
 * ({@code quarkus.fault-tolerance."<class>/<method>".timeout.value}).
 */
@ApplicationScoped
public class PosGateway {

    private final PosApi pos;

    public PosGateway(@RestClient PosApi pos) {
        this.pos = pos;
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    public Uni<PosApi.Shipment> createShipment(PosApi.ShipmentRequest request) {
        return pos.create(request);
    }

    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 200, jitter = 100)
    public Uni<PosApi.Shipment> track(String trackingNumber) {
        return pos.track(trackingNumber);
    }
}
