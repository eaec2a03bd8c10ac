package id.go.imigrasi.mpaspor.account.client;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.smallrye.mutiny.Uni;

/**
 * quota-service's office catalogue ({@code GET /offices/{code}}: 200 with the office, 404 when there is none). Used
 * only through {@link OfficeDirectory}.
 */
@RegisterRestClient(configKey = "quota")
@Path("/offices")
public interface OfficeApi {

    /** What account-service needs of an office: that it exists, under this code. */
    record Office(String code, String name) {
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Office> get(@PathParam("code") String code);
}
