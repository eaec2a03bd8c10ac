package id.go.imigrasi.mpaspor.billing.client;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The payment channels' refund API (the stub {@code simulators.payment.PaymentChannelSimulator.RefundDesk} speaks
 * it). Use it only through {@link RefundChannel}.
 */
@RegisterRestClient(configKey = "payment-channels")
@Path("/channels")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface RefundDeskApi {

    /** Which payment to refund, and how much (the whole payment, in rupiah). */
    record RefundRequest(String channelReference, String billingCode, long amount) {
    }

    /** The channel's answer: its reference of the refund. */
    record Refund(String refundReference, String channel, String channelReference, long amount,
            Instant refundedAt) {
    }

    /** The same {@code Idempotency-Key} again returns the same refund: the channel pays once. */
    @POST
    @Path("/{channel}/refunds")
    Uni<Refund> refund(@PathParam("channel") String channel, @HeaderParam("Idempotency-Key") String idempotencyKey,
            RefundRequest request);
}
