package id.go.imigrasi.mpaspor.application.client;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import id.go.imigrasi.mpaspor.contracts.upload.DocumentReadGrant;
import io.smallrye.mutiny.Uni;

/** upload-service's one service-to-service endpoint: an accepted document's bytes for a grant. Used only through {@link UploadDocuments}. */
@RegisterRestClient(configKey = "upload-service")
@Path("/documents")
public interface UploadServiceApi {

    /** 200 with the bytes, their type and the file name (X-Mpaspor-File-Name, URL-encoded); 404 otherwise. */
    @GET
    @Path("{uploadId}")
    Uni<RestResponse<byte[]>> document(@PathParam("uploadId") UUID uploadId,
            @HeaderParam(DocumentReadGrant.HEADER) String grant);
}
