package id.go.imigrasi.mpaspor.web.pages;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * How the applicant is told (issue 22), {@code /account/notifications}: the channels (e-mail, SMS, WhatsApp) and the
 * language, and the proof of the mobile number a text may go to. The number is proven in two steps on the same page:
 * the API sends a code by SMS to the number typed ({@code POST /accounts/me/phone}), the person types the code back
 * ({@code POST /accounts/me/phone/verification}). The rule (a text channel only with a proven number) is the API's:
 * its field errors come back beside the fields. Works without JavaScript.
 */
@Path("/account/notifications")
@Produces(MediaType.TEXT_HTML)
public class NotifyPages {

    private static final String TEMPLATE = "notifications";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;

    public NotifyPages(Pages pages, ApiClient api, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
    }

    @GET
    public TemplateInstance show(@QueryParam("saved") String saved, @QueryParam("proven") String proven) {
        visit.requireLogin();
        TemplateInstance page = page(Form.empty(), Form.empty());
        return saved != null ? page.data("justSaved", true) : proven != null ? page.data("justProven", true) : page;
    }

    /** The channels ticked and the language chosen, as the API's preferences. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object save(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        List<String> channels = in.get("channels") == null ? List.of() : in.get("channels");
        String language = AccountPages.trim(in.getFirst("language"));
        Form choice = Form.empty().with("language", language);
        return AccountPages.submit(pages, TEMPLATE, choice, () -> {
            ApiResponse r = api.put("/accounts/me/notification-preferences",
                    Map.of("channels", channels, "language", language == null ? "" : language));
            if (r.ok()) {
                return AccountPages.redirect("/account/notifications?saved=1#channels");
            }
            return page(choice.problem(r.problem()), Form.empty());
        });
    }

    /** Step 1: a code by SMS to the number typed. */
    @POST
    @Path("phone")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object sendCode(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form phone = AccountPages.typed(in, "phone");
        return AccountPages.submit(pages, TEMPLATE, phone, () -> {
            ApiResponse r = api.post("/accounts/me/phone", AccountPages.fields(in, "phone"));
            if (r.ok()) {
                return page(Form.empty(), phone).data("codeSentTo", phone.value("phone"));
            }
            return page(Form.empty(), phone.problem(r.problem()));
        });
    }

    /** Step 2: the code from the SMS. */
    @POST
    @Path("phone/verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object verify(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form code = AccountPages.typed(in, "phone", "otp");
        return AccountPages.submit(pages, TEMPLATE, code, () -> {
            ApiResponse r = api.post("/accounts/me/phone/verification", AccountPages.fields(in, "otp"));
            if (r.ok()) {
                return AccountPages.redirect("/account/notifications?proven=1#phone");
            }
            return page(Form.empty(), code.problem(r.problem())).data("codeSentTo", code.value("phone"));
        });
    }

    private TemplateInstance page(Form choice, Form phone) {
        ApiResponse current = api.get("/accounts/me/notification-preferences");
        Map<String, Object> prefs = current.ok() ? Pages.map(current.json()) : Map.of();
        Object chosen = prefs.getOrDefault("channels", List.of("EMAIL"));
        if (choice.value("language").isEmpty()) {
            choice.with("language", String.valueOf(prefs.getOrDefault("language", visit.language())));
        }
        return pages.form(TEMPLATE, choice).data("phoneForm", phone).data("prefs", prefs)
                .data("chosen", chosen).data("proven", prefs.get("phoneVerifiedAt") != null);
    }
}
