package id.go.imigrasi.mpaspor.web.assets;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** Serves the hashed assets with a year of caching ({@code immutable}: the name changes with the content). */
@Path("/assets")
public class AssetResource {

    private final Assets assets;

    public AssetResource(Assets assets) {
        this.assets = assets;
    }

    @GET
    @Path("/{name}")
    public Response asset(@PathParam("name") String name) {
        Assets.Asset a = assets.byHashedName(name);
        if (a == null) {
            return Response.status(404).type("text/plain").entity("not found").build();
        }
        return Response.ok(a.bytes()).type(a.contentType())
                .header("Cache-Control", "public, max-age=31536000, immutable").build();
    }
}
