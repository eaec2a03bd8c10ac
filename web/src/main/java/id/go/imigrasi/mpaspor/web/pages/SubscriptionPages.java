package id.go.imigrasi.mpaspor.web.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The stop link of a quota release e-mail (issue 22), {@code /release-subscriptions/unsubscribe?token=}: no login (the
 * token only that subscription's mails carry is the credential, checked by quota-service). Opening the link changes
 * nothing (mail scanners open links on their own); the button on the page does it.
 */
@Path("/release-subscriptions")
@Produces(MediaType.TEXT_HTML)
public class SubscriptionPages {

    private static final java.util.regex.Pattern TOKEN = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,128}");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;

    public SubscriptionPages(Pages pages, ApiClient api, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
    }

    @GET
    @Path("unsubscribe")
    public TemplateInstance confirm(@QueryParam("token") String token) {
        return pages.page("unsubscribe").data("token", valid(token) ? token : null).data("outcome", null);
    }

    @POST
    @Path("unsubscribe")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object unsubscribe(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        String token = in.getFirst("token");
        if (!valid(token)) {
            return pages.page("unsubscribe").data("token", null).data("outcome", "unknown");
        }
        ApiResponse r = api.postAnonymous("/release-subscriptions/unsubscribe?token=" + token, java.util.Map.of());
        if (r.shed()) {
            return Response.status(503).header("Retry-After", r.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.page("unsubscribe").data("token", token).data("outcome", "busy").render()).build();
        }
        return pages.page("unsubscribe").data("token", null).data("outcome", r.ok() ? "done" : "unknown");
    }

    private static boolean valid(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }
}
