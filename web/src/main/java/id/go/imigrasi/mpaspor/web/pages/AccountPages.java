package id.go.imigrasi.mpaspor.web.pages;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.SessionStore;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/** Register, verify the e-mail with its OTP, log in and out, forgot and change the password. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class AccountPages {

    private static final String PENDING_EMAIL = "pending-email";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final SessionStore sessions;

    public AccountPages(Pages pages, ApiClient api, Visit visit, SessionStore sessions) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.sessions = sessions;
    }

    @GET
    public TemplateInstance home() {
        return pages.page("home");
    }

    @GET
    @Path("register")
    public TemplateInstance registerForm() {
        return registerPage(Form.empty());
    }

    /**
     * The privacy notice's checkbox carries the version in force as its value (the API's answer): ticked, the
     * registration accepts that version; not ticked, nothing is sent and the API's field error comes back beside it.
     */
    @POST
    @Path("register")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = typed(in, "name", "email", "phone", "privacyNoticeVersion");
        Map<String, String> body = fields(in, "name", "email", "phone", "password", "privacyNoticeVersion");
        return submit("register", form, () -> {
            ApiResponse r = api.postAnonymous("/accounts", body);
            if (r.status() == 201) {
                visit.session().note(PENDING_EMAIL, body.get("email"));
                return redirect("/verify");
            }
            return registerPage(form.problem(r.problem())).render();
        });
    }

    private TemplateInstance registerPage(Form form) {
        ApiResponse notice = api.get("/accounts/privacy-notice");
        if (!notice.ok()) {
            throw new ApiBusy(notice.retryAfterSeconds());
        }
        return pages.form("register", form).data("notice", notice.json().path("version").asText());
    }

    @GET
    @Path("verify")
    public TemplateInstance verifyForm() {
        return pages.form("verify", Form.empty().with("email", visit.session().note(PENDING_EMAIL)));
    }

    @POST
    @Path("verify")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object verify(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = typed(in, "email", "otp");
        if ("resend".equals(in.getFirst("action"))) {
            return submit("verify", form, () -> {
                ApiResponse r = api.postAnonymous("/accounts/otp",
                        Map.of("email", form.value("email"), "purpose", "VERIFY_EMAIL"));
                TemplateInstance page = pages.form("verify", r.ok() ? form : form.problem(r.problem()));
                return page.data("resent", r.ok()).render();
            });
        }
        return submit("verify", form, () -> {
            ApiResponse r = api.postAnonymous("/accounts/verification", fields(in, "email", "otp"));
            if (r.ok()) {
                visit.session().note(PENDING_EMAIL, null);
                return redirect("/login?verified=1");
            }
            return pages.form("verify", form.problem(r.problem())).render();
        });
    }

    @GET
    @Path("login")
    public TemplateInstance loginForm(@QueryParam("back") String back, @QueryParam("verified") String verified) {
        return pages.form("login", Form.empty().with("back", safeBack(back))).data("verified", verified != null);
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object login(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = typed(in, "email", "back");
        return submit("login", form, () -> {
            ApiResponse r = api.postAnonymous("/auth/login", fields(in, "email", "password"));
            if (!r.ok()) {
                return pages.form("login", form.problem(r.problem())).data("verified", false).render();
            }
            // a new session id at login: an id planted before the login is worth nothing afterwards
            Session fresh = sessions.renew(visit.session());
            ApiClient.remember(fresh, r.json());
            fresh.email(form.value("email"));
            visit.replace(fresh);
            // staff land on their desk: /kantor for officers, /admin for admins (Staff, from the token)
            String to = safeBack(form.value("back")).isEmpty() ? Staff.of(fresh).home() : safeBack(form.value("back"));
            if (privacyAcceptanceRequired(fresh)) {
                // the current privacy notice first, then where they were going
                fresh.note(Visit.PRIVACY_REQUIRED, "1");
                return redirect(PrivacyPages.acceptPath(to));
            }
            return redirect(to);
        });
    }

    /** Whether the API says this account must accept the current privacy notice ({@code GET /accounts/me}). */
    private boolean privacyAcceptanceRequired(Session session) {
        Staff staff = Staff.of(session);
        if (staff.officer() || staff.admin()) {
            return false;
        }
        ApiResponse me = api.get("/accounts/me");
        return me.ok() && me.json().path("privacyNotice").path("acceptanceRequired").asBoolean(false);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response logout(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Session session = visit.session();
        if (session.refreshToken() != null) {
            try {
                // the refresh token is revoked at the API: a stolen copy is worth nothing
                api.postAnonymous("/auth/logout", Map.of("refreshToken", session.refreshToken()));
            } catch (ApiBusy busy) {
                // the session is forgotten here anyway; the token expires on its own
            }
        }
        session.forgetTokens();
        sessions.remove(session);
        Session anonymous = sessions.create(session.language());
        visit.replace(anonymous);
        return redirect("/?bye=1");
    }

    @GET
    @Path("password/forgot")
    public TemplateInstance forgotForm() {
        return pages.form("password-forgot", Form.empty());
    }

    @POST
    @Path("password/forgot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object forgot(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = typed(in, "email");
        return submit("password-forgot", form, () -> {
            ApiResponse r = api.postAnonymous("/accounts/otp",
                    Map.of("email", form.value("email"), "purpose", "RESET_PASSWORD"));
            if (r.ok()) {
                visit.session().note(PENDING_EMAIL, form.value("email"));
                return redirect("/password/reset");
            }
            return pages.form("password-forgot", form.problem(r.problem())).render();
        });
    }

    @GET
    @Path("password/reset")
    public TemplateInstance resetForm() {
        return pages.form("password-reset", Form.empty().with("email", visit.session().note(PENDING_EMAIL)));
    }

    @POST
    @Path("password/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object reset(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = typed(in, "email", "otp");
        return submit("password-reset", form, () -> {
            ApiResponse r = api.postAnonymous("/accounts/password-reset", fields(in, "email", "otp", "newPassword"));
            if (r.ok()) {
                return redirect("/login?verified=1");
            }
            return pages.form("password-reset", form.problem(r.problem())).render();
        });
    }

    @GET
    @Path("password/change")
    public TemplateInstance changeForm() {
        visit.requireLogin();
        return pages.form("password-change", Form.empty());
    }

    @POST
    @Path("password/change")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form form = Form.empty();
        return submit("password-change", form, () -> {
            ApiResponse r = api.post("/accounts/me/password", fields(in, "currentPassword", "newPassword"));
            if (r.ok()) {
                return pages.form("password-change", form).data("changed", true).render();
            }
            return pages.form("password-change", form.problem(r.problem())).render();
        });
    }

    @GET
    @Path("language")
    public Response language(@QueryParam("lang") String lang, @QueryParam("back") String back) {
        visit.session().language("en".equals(lang) ? "en" : "id");
        String to = safeBack(back);
        return redirect(to.isEmpty() ? "/" : to);
    }

    // ---- shared by the form pages ----

    /** Runs a form's API call; when the API is busy, the same form again with what was typed and a countdown. */
    static Object submit(Pages pages, String template, Form form, java.util.function.Supplier<Object> call) {
        try {
            return call.get();
        } catch (ApiBusy busy) {
            return Response.status(503).header("Retry-After", busy.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.form(template, form.busy(busy.retryAfterSeconds())).render()).build();
        }
    }

    private Object submit(String template, Form form, java.util.function.Supplier<Object> call) {
        return submit(pages, template, form, call);
    }

    static Form typed(MultivaluedMap<String, String> in, String... names) {
        Form form = Form.empty();
        for (String n : names) {
            form.with(n, trim(in.getFirst(n)));
        }
        return form;
    }

    static Map<String, String> fields(MultivaluedMap<String, String> in, String... names) {
        Map<String, String> body = new LinkedHashMap<>();
        for (String n : names) {
            String v = trim(in.getFirst(n));
            if (v != null && !v.isEmpty()) {
                body.put(n, v);
            }
        }
        return body;
    }

    static String trim(String v) {
        return v == null ? null : v.trim();
    }

    /**
     * 303 to a path of this site, kept relative: behind the gateway an absolute URL built from this server's own
     * address would send the browser around the gateway.
     */
    static Response redirect(String to) {
        return Response.status(Response.Status.SEE_OTHER).header("Location", to).build();
    }

    /** Only a path of this site (no scheme, no {@code //host}): never an open redirect. */
    static String safeBack(String back) {
        if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
            return "";
        }
        return back;
    }
}
