package id.go.imigrasi.mpaspor.platform.support;

import java.util.Map;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.smallrye.mutiny.Uni;

@Path("/test/payments")
public class TestPaymentsResource {

    private final TestPayments payments;

    public TestPaymentsResource(TestPayments payments) {
        this.payments = payments;
    }

    @POST
    public Uni<Map<String, String>> record(@QueryParam("applicationId") String applicationId,
            @QueryParam("billingCode") String billingCode, @QueryParam("amount") long amount,
            @QueryParam("channel") String channel, @QueryParam("fail") boolean fail) {
        return payments.record(applicationId, billingCode, amount, channel == null ? "ATM" : channel, fail)
                .map(id -> Map.of("eventId", id.toString()));
    }

    @POST
    @Path("/outside-transaction")
    public Uni<Map<String, String>> outside(@QueryParam("applicationId") String applicationId) {
        return payments.withoutTransaction(applicationId).map(id -> Map.of("eventId", id.toString()));
    }
}
