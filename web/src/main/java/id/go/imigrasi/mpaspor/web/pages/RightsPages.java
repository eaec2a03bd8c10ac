package id.go.imigrasi.mpaspor.web.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.SessionStore;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The data subject's rights (issue 23): {@code /account/data} says what is kept and leads to them. A copy of the data
 * is asked for there and listed while it is prepared, then downloaded as JSON or PDF through this site until it
 * expires. Erasure asks for the password ({@code POST /accounts/me/erasure}), and once the API has accepted it the website forgets the session too
 * (the API has already ended every session of the account) and says what happens next.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class RightsPages {

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final SessionStore sessions;
    private final OfficeZones zones;

    public RightsPages(Pages pages, ApiClient api, Visit visit, SessionStore sessions, OfficeZones zones) {
        this.zones = zones;
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.sessions = sessions;
    }

    @GET
    @Path("data")
    public TemplateInstance data(@QueryParam("asked") String asked) {
        visit.requireLogin();
        ApiResponse exports = api.get("/accounts/me/data-exports");
        return pages.page("rights").data("exports", exports.ok() ? Pages.list(exports.json()) : java.util.List.of())
                .data("asked", asked != null).data("zone", zones.of(null));
    }

    /** Asks the API for a copy of the account's data; the page then lists it as being prepared. */
    @POST
    @Path("export")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object export(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        ApiResponse r = api.post("/accounts/me/data-exports", java.util.Map.of());
        if (r.shed()) {
            return Response.status(503).header("Retry-After", r.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.page("rights").data("exports", java.util.List.of()).data("asked", false)
                            .data("zone", zones.of(null)).data("busy", r.retryAfterSeconds()).render()).build();
        }
        return AccountPages.redirect("/account/data?asked=1#export");
    }

    /** A ready copy, as JSON or PDF, straight from the API to its owner's browser (never cached). */
    @GET
    @Path("exports/{id}/{file}")
    public Response download(@PathParam("id") String id, @PathParam("file") String file) {
        visit.requireLogin();
        boolean pdf = "data.pdf".equals(file);
        if (!pdf && !"data.json".equals(file) || !id.matches("[0-9a-f-]{36}")) {
            throw new NotFoundException();
        }
        String type = pdf ? "application/pdf" : "application/json";
        ApiResponse r = api.download("/accounts/me/data-exports/" + id + "/" + file, type);
        if (!r.ok()) {
            throw new NotFoundException();
        }
        return Response.ok(r.body(), type).header("Cache-Control", "no-store")
                .header("Content-Disposition", "attachment; filename=\"mpaspor-data-" + id.substring(0, 8)
                        + (pdf ? ".pdf" : ".json") + "\"").build();
    }

    @GET
    @Path("erase")
    public TemplateInstance eraseForm() {
        visit.requireLogin();
        return pages.form("erase", Form.empty());
    }

    @POST
    @Path("erase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object erase(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form form = Form.empty();
        return AccountPages.submit(pages, "erase", form, () -> {
            ApiResponse r = api.post("/accounts/me/erasure", AccountPages.fields(in, "password"));
            if (!r.ok()) {
                return pages.form("erase", form.problem(r.problem()));
            }
            Session session = visit.session();
            session.forgetTokens();
            sessions.remove(session);
            visit.replace(sessions.create(session.language()));
            return pages.page("erased").data("requested", Pages.map(r.json()));
        });
    }
}
