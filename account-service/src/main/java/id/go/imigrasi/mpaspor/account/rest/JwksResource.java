package id.go.imigrasi.mpaspor.account.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.account.service.SigningKey;
import id.go.imigrasi.mpaspor.platform.problem.IdempotentReads;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The public key tokens are verified with, as a JSON Web Key Set (RFC 7517). */
@IdempotentReads
@Path("/.well-known/jwks.json")
@PermitAll
@Tag(name = "auth")
public class JwksResource {

    private final SigningKey key;

    public JwksResource(SigningKey key) {
        this.key = key;
    }

    @GET
    @Produces("application/jwk-set+json")
    @Operation(operationId = "getJwks")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(key.jwks()).cacheControl(cache).build();
    }
}
