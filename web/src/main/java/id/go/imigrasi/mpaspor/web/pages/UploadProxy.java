package id.go.imigrasi.mpaspor.web.pages;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * The browser's tus client uploads here ({@code /uploads/}); the website passes each request on to the API's
 * tus endpoint with the session's token, so the token never reaches the page. A request must carry the session's
 * CSRF token in {@code X-CSRF-Token}. The API's answer passes back unchanged (429/503 with Retry-After included),
 * its upload URL rewritten to this site's.
 */
@Path("/uploads")
public class UploadProxy {

    private static final Logger LOG = Logger.getLogger(UploadProxy.class);
    private static final Pattern UPLOAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    private static final List<String> PASSED_UP = List.of("Tus-Resumable", "Upload-Length", "Upload-Offset",
            "Upload-Metadata", "Upload-Checksum", "Upload-Defer-Length");
    private static final List<String> PASSED_DOWN = List.of("Tus-Resumable", "Tus-Version", "Tus-Extension",
            "Tus-Max-Size", "Upload-Offset", "Upload-Length", "Upload-Expires", "Retry-After", "Content-Type");

    private final ApiClient api;
    private final Visit visit;

    public UploadProxy(ApiClient api, Visit visit) {
        this.api = api;
        this.visit = visit;
    }

    @POST
    public Response create(HttpHeaders headers) {
        return pass("POST", "/uploads", headers, null);
    }

    @HEAD
    @Path("{uploadId}")
    public Response offset(@PathParam("uploadId") String uploadId, HttpHeaders headers) {
        return pass("HEAD", "/uploads/" + checked(uploadId), headers, null);
    }

    @PATCH
    @Path("{uploadId}")
    @Consumes("application/offset+octet-stream")
    public Response chunk(@PathParam("uploadId") String uploadId, HttpHeaders headers, byte[] body) {
        return pass("PATCH", "/uploads/" + checked(uploadId), headers, body);
    }

    private Response pass(String method, String path, HttpHeaders headers, byte[] body) {
        String csrf = headers.getHeaderString("X-CSRF-Token");
        try {
            visit.requireCsrf(csrf);
        } catch (RuntimeException refused) {
            return Response.status(403).type("text/plain").entity("CSRF token missing or wrong").build();
        }
        if (!visit.loggedIn()) {
            return Response.status(401).type("text/plain").entity("login required").build();
        }
        Map<String, String> request = new java.util.LinkedHashMap<>();
        for (String name : PASSED_UP) {
            String v = headers.getHeaderString(name);
            if (v != null) {
                request.put(name, v);
            }
        }
        if (body != null) {
            request.put("Content-Type", "application/offset+octet-stream");
        }
        try {
            ApiResponse answer = api.exchange(method, path, request, body);
            Response.ResponseBuilder out = Response.status(answer.status());
            for (String name : PASSED_DOWN) {
                answer.headers().firstValue(name).ifPresent(v -> out.header(name, v));
            }
            answer.headers().firstValue("Location").ifPresent(location -> out.header("Location", local(location)));
            out.header("Cache-Control", "no-store");
            if (!"HEAD".equals(method) && answer.body().length > 0) {
                out.entity(answer.body());
            }
            return out.build();
        } catch (java.io.IOException e) {
            LOG.warnf("upload %s %s: the API did not answer: %s", method, path, e.toString());
            return Response.status(503).header("Retry-After", 5).type("text/plain").entity("busy").build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Response.status(503).header("Retry-After", 5).build();
        }
    }

    /** The API's upload URL ({@code .../api/v1/uploads/<id>}) as this site's ({@code /uploads/<id>}). */
    static String local(String location) {
        String path = URI.create(location).getPath();
        return "/uploads/" + checked(path.substring(path.lastIndexOf('/') + 1));
    }

    private static String checked(String uploadId) {
        if (!UPLOAD_ID.matcher(uploadId).matches()) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        return uploadId;
    }
}
