package id.go.imigrasi.mpaspor.biometric.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** Pos Indonesia's shipment API (the stub in {@code simulators.pos} speaks it). Use it only through PosGateway. */
@RegisterRestClient(configKey = "pos")
@Path("/shipments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface PosApi {

    /** Sender reference, recipient and address of one parcel. The same reference again returns the same shipment. */
    record ShipmentRequest(String reference, String recipientName, String address, String postalCode,
            String phone) {
    }

    /** A shipment with its current tracking status (CREATED, PICKED_UP, IN_TRANSIT, OUT_FOR_DELIVERY, DELIVERED...). */
    record Shipment(String trackingNumber, String reference, String status) {
    }

    @POST
    Uni<Shipment> create(ShipmentRequest request);

    @GET
    @Path("/{trackingNumber}")
    Uni<Shipment> track(@PathParam("trackingNumber") String trackingNumber);
}
