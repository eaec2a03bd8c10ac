package id.go.imigrasi.mpaspor.billing.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator.RefundDesk;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The payment channels' refund desk (the simulator) on a free port, for the service's REST client. The tests reach
 * it through {@link #desk()} to switch it off and on and to count the refunds it made.
 */
public class RefundDeskResource implements QuarkusTestResourceLifecycleManager {

    private static volatile RefundDesk desk;

    public static RefundDesk desk() {
        return desk;
    }

    @Override
    public Map<String, String> start() {
        try {
            desk = new RefundDesk().start(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.rest-client.payment-channels.url", desk.url());
    }

    @Override
    public void stop() {
        if (desk != null) {
            desk.close();
        }
    }
}
