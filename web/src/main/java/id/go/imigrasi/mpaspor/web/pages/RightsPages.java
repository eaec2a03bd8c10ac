package id.go.imigrasi.mpaspor.web.pages;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.SessionStore;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The data subject's rights (issue 23): {@code /account/data} says what is kept and leads to them; erasure asks for the
 * password ({@code POST /accounts/me/erasure}), and once the API has accepted it the website forgets the session too
 * (the API has already ended every session of the account) and says what happens next.
 */
@Path("/account")
@Produces(MediaType.TEXT_HTML)
public class RightsPages {

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final SessionStore sessions;

    public RightsPages(Pages pages, ApiClient api, Visit visit, SessionStore sessions) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.sessions = sessions;
    }

    @GET
    @Path("data")
    public TemplateInstance data() {
        visit.requireLogin();
        return pages.page("rights");
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
