package id.go.imigrasi.mpaspor.application.sms;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The SMS/WhatsApp provider (the stub in simulators/ locally). Used only through {@link SmsGateway}. */
@RegisterRestClient(configKey = "sms")
@Path("/messages")
public interface SmsApi {

    record Message(String to, String text, String channel) {
    }

    /** 202 when the provider took the message; 429/503 when overloaded. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> send(Message message);
}
