package id.go.imigrasi.mpaspor.platform.mail;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;

/**
 * Where the SMS/WhatsApp provider posts delivery receipts of this service's texts. Not part of the public API (the
 * gateway routes no {@code /notifications}): the provider calls the service directly, and the signature
 * ({@link TextReceipts}) is the credential, so no token is asked for. A receipt not signed with the configured secret
 * is 401 and changes nothing; a malformed one 400.
 */
@Path("/notifications/text-receipts")
public class TextReceiptResource {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextReceipts receipts;

    public TextReceiptResource(TextReceipts receipts) {
        this.receipts = receipts;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<Response> receipt(byte[] body, @HeaderParam(TextReceipts.SIGNATURE_HEADER) String signature) {
        if (!receipts.signedByProvider(body, signature)) {
            return Uni.createFrom().item(Response.status(Response.Status.UNAUTHORIZED).build());
        }
        JsonNode receipt;
        Instant at;
        try {
            receipt = JSON.readTree(body);
            at = Instant.parse(receipt.path("at").asText(""));
        } catch (java.io.IOException | DateTimeParseException malformed) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).build());
        }
        String id = receipt.path("id").asText("");
        String status = receipt.path("status").asText("");
        if (id.isBlank() || !(status.equals("DELIVERED") || status.equals("FAILED"))) {
            return Uni.createFrom().item(Response.status(Response.Status.BAD_REQUEST).build());
        }
        return receipts.record(id, status.equals("DELIVERED"), at).map(outcome -> Response.noContent().build());
    }
}
