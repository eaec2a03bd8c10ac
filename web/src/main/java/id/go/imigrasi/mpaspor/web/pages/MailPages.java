package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;
import static id.go.imigrasi.mpaspor.web.pages.ApplicationPages.checkId;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
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
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The application's mails and texts (issue 22, {@code GET /applications/{id}/mails}): what was sent, on which
 * channel, when it was queued and sent, and its state; the bill and the appointment can be sent again ("Kirim
 * ulang", {@code POST .../mails/resend}) from the last message of their kind. Whether that still makes sense (a bill
 * paid no longer) is the API's rule and comes back in its words; a resend sooner than the API allows (429 with
 * Retry-After, {@link ApiClient#postAnswering429}) says how long to wait, and the page is not sent again by itself
 * (a copy nobody asked for anymore). The API busy (503) is the usual busy page.
 */
@Path("/applications/{id}/mails")
@Produces(MediaType.TEXT_HTML)
public class MailPages {

    /** The kinds the API sends again ({@code MailResends.RESENDABLE}). */
    static final List<String> RESENDABLE = List.of("BILLING_ISSUED", "APPOINTMENT_SCHEDULED");
    private static final String TEMPLATE = "help/mails";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;

    public MailPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.zones = zones;
    }

    @GET
    public TemplateInstance mails(@PathParam("id") String id, @QueryParam("resent") String resent) {
        visit.requireLogin();
        return page(id, Form.empty()).data("resent", resent != null);
    }

    @POST
    @Path("resend")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object resend(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        checkId(id);
        String kind = AccountPages.trim(in.getFirst("kind"));
        Form form = Form.empty().with("kind", kind);
        ApiResponse r = api.postAnswering429("/applications/" + id + "/mails/resend",
                Map.of("kind", kind == null ? "" : kind));
        if (r.status() == 429) {
            // mail-resend-too-soon: the seconds the API says (minutes, not the busy page's cap), no automatic resend
            long wait = r.retryAfterExact();
            return Response.status(429).header("Retry-After", wait).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page(id, form).data("waitSeconds", wait).render()).build();
        }
        if (r.ok()) {
            return redirect("/applications/" + id + "/mails?resent=1");
        }
        if (r.status() == 404 && "application-not-found".equals(KantorPages.slug(r))) {
            throw new NotFoundException();
        }
        // 409 mail-not-resendable (what it said no longer holds), 404 mail-not-found, 400: the API's words
        return HelpdeskPages.rendered(page(id, form.problem(r.problem())), r.status());
    }

    private TemplateInstance page(String id, Form form) {
        checkId(id);
        ApiResponse r = api.get("/applications/" + id + "/mails");
        if (!r.ok()) {
            throw new NotFoundException();
        }
        List<Map<String, Object>> mails = Pages.list(r.json());
        // the button goes on the last message of each kind that can be sent again
        Map<String, Object> lastOfKind = new HashMap<>();
        for (Map<String, Object> m : mails) {
            if (RESENDABLE.contains(String.valueOf(m.get("kind")))) {
                lastOfKind.put(String.valueOf(m.get("kind")), m.get("id"));
            }
        }
        for (Map<String, Object> m : mails) {
            m.put("resendable", m.get("id") != null && m.get("id").equals(lastOfKind.get(String.valueOf(m.get("kind")))));
        }
        ApiResponse app = api.get("/applications/" + id);
        String office = app.ok() ? app.json().path("appointment").path("officeCode").asText(null) : null;
        return pages.form(TEMPLATE, form).data("id", id).data("mails", mails).data("zone", zones.of(office))
                .data("resent", false).data("waitSeconds", 0L);
    }
}
