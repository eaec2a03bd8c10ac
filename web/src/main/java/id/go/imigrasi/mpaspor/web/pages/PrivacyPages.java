package id.go.imigrasi.mpaspor.web.pages;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The privacy notice (UU PDP 27/2022, issue 23) at {@code /privasi}, in the visitor's language, and its acceptance at
 * {@code /privasi/setuju} for an account that must accept the current version. The notice's text is this module's
 * ({@code messages/privacy*.properties}); which version is current, and the data protection officer's address, are
 * the account service's ({@code GET /accounts/privacy-notice}, configuration {@code mpaspor.account.privacy-notice.*}):
 * the one source of truth, so what a person accepts here is what the API records.
 */
@Path("/privasi")
@Produces(MediaType.TEXT_HTML)
public class PrivacyPages {

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;

    public PrivacyPages(Pages pages, ApiClient api, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
    }

    /** Where an account that must accept the notice is sent, coming back to {@code back} afterwards. */
    static String acceptPath(String back) {
        String to = AccountPages.safeBack(back);
        return "/privasi/setuju" + (to.isEmpty() ? "" : "?back=" + URLEncoder.encode(to, StandardCharsets.UTF_8));
    }

    @GET
    public TemplateInstance notice() {
        return pages.form("privacy", Form.empty()).data("notice", current()).data("accepting", false);
    }

    @GET
    @Path("setuju")
    public TemplateInstance acceptForm(@QueryParam("back") String back) {
        visit.requireLoginOnly();
        return acceptPage(Form.empty().with("back", AccountPages.safeBack(back)), false);
    }

    @POST
    @Path("setuju")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object accept(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLoginOnly();
        Form form = AccountPages.typed(in, "back");
        // a busy API gives the busy page, which asks for this page again (GET: the notice with its button)
        ApiResponse r = api.post("/accounts/me/privacy-consents", AccountPages.fields(in, "noticeVersion"));
        if (r.ok()) {
            Session session = visit.session();
            session.note(Visit.PRIVACY_REQUIRED, null);
            String back = AccountPages.safeBack(form.value("back"));
            return AccountPages.redirect(back.isEmpty() ? Staff.of(session).home() : back);
        }
        // the notice changed between the page and the button (422): the latest one, to accept
        return acceptPage(form, r.status() == 422).render();
    }

    private TemplateInstance acceptPage(Form form, boolean stale) {
        return pages.form("privacy", form).data("notice", current()).data("accepting", true).data("stale", stale);
    }

    /** The notice in force: {@code version} and {@code contactEmail}. */
    private Map<String, Object> current() {
        ApiResponse r = api.get("/accounts/privacy-notice");
        if (!r.ok()) {
            throw new ApiBusy(r.retryAfterSeconds());
        }
        return Pages.map(r.json());
    }
}
