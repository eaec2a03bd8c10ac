package id.go.imigrasi.mpaspor.application.dukcapil;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/** The civil registry's NIK lookup (Dukcapil). Used only through {@link DukcapilGateway}. */
@RegisterRestClient(configKey = "dukcapil")
@Path("/nik")
public interface DukcapilApi {

    /** 200 with the registered person, 404 when the NIK is unknown, 429/503 when overloaded. */
    @GET
    @Path("/{nik}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<DukcapilRecord> lookup(@PathParam("nik") String nik);
}
