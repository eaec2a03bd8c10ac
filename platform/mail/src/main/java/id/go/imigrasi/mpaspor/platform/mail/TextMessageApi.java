package id.go.imigrasi.mpaspor.platform.mail;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * The SMS/WhatsApp provider's API (the stub in {@code simulators/} locally: {@code SmsStub}), used only through
 * {@link TextMessages}. {@code quarkus.rest-client.text-messages.url}.
 */
@RegisterRestClient(configKey = "text-messages")
@Path("/messages")
public interface TextMessageApi {

    /**
     * One text. {@code reference} is our idempotency key (the queued row's id): the provider answers a reference it
     * has taken with the same id and sends nothing again. {@code statusCallback} is where its signed delivery
     * receipt goes (null: none).
     */
    record Message(String to, String text, String channel, String reference, String statusCallback) {
    }

    record Accepted(String id) {
    }

    /** 202 when the provider took the message; 429 (its rate limit) or 503 when it cannot now. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Accepted> send(Message message);
}
