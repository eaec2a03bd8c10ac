package id.go.imigrasi.mpaspor.web.pages;

import java.net.URI;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Walk-in and assisted registration at the desk (issue 19, {@code /kantor/walk-in}): for a person without a
 * smartphone, the officer registers them (name, their e-mail and phone, the privacy notice explained and accepted)
 * and then <em>is</em> that person on this same website, through the same public API, with a desk session's
 * tokens: the person's own, naming the officer ({@code act}), so every step is the person's and recorded as done by
 * that officer. While it lasts every page shows whom the officer is helping, with "Selesai membantu", which ends the
 * desk session and brings the officer's own session back. Only the officer's refresh token waits in the sealed
 * session meanwhile (the cookie stays small); it is exchanged at once for a fresh access token on the way back.
 */
@Path("/kantor/walk-in")
@Produces(MediaType.TEXT_HTML)
public class WalkInPages {

    /** The officer's refresh token, kept while they act for someone. */
    public static final String OFFICER_REFRESH = "desk.officer";
    /** The name of the person the officer acts for; shown on every page. */
    public static final String PERSON = "desk.person";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;

    public WalkInPages(Pages pages, ApiClient api, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
    }

    @GET
    public Object form() {
        Staff staff = officer();
        return KantorPages.render(page(staff, Form.empty()), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = officer();
        Form form = AccountPages.typed(in, "name", "email", "phone", "language", "privacyNoticeVersion");
        try {
            ApiResponse r = api.post("/office/assisted-accounts", AccountPages.fields(in, "name", "email", "phone",
                    "language", "privacyNoticeVersion"));
            if (r.status() != 201) {
                return KantorPages.render(page(staff, form.problem(r.problem())), r.status());
            }
            Session session = visit.session();
            session.note(OFFICER_REFRESH, session.refreshToken());
            session.note(PERSON, form.value("name"));
            ApiClient.remember(session, r.json().path("desk"));
            return Response.seeOther(URI.create("/applications")).build();
        } catch (ApiBusy busy) {
            return KantorPages.render(page(staff, form.busy(busy.retryAfterSeconds())), 503);
        }
    }

    /** Ends the desk session (its tokens revoked) and brings back the officer's own. */
    @POST
    @Path("end")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response end(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Session session = visit.session();
        String officer = session.note(OFFICER_REFRESH);
        if (officer == null) {
            return Response.seeOther(URI.create("/kantor")).build();
        }
        if (session.refreshToken() != null) {
            api.postAnonymous("/auth/logout", Map.of("refreshToken", session.refreshToken()));
        }
        session.note(OFFICER_REFRESH, null);
        session.note(PERSON, null);
        session.tokens(null, officer, 0);
        // the officer's access token, now: the desk pages read who is logged in from it
        api.get("/accounts/me");
        return Response.seeOther(URI.create("/kantor")).build();
    }

    private TemplateInstance page(Staff staff, Form form) {
        ApiResponse notice = api.get("/accounts/privacy-notice");
        if (!notice.ok()) {
            throw new ApiBusy(notice.retryAfterSeconds());
        }
        return pages.form("kantor/walk-in", form).data("staff", staff)
                .data("notice", notice.json().path("version").asText());
    }

    private Staff officer() {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.officer()) {
            throw new StaffOnly(Staff.OFFICER);
        }
        return staff;
    }
}
