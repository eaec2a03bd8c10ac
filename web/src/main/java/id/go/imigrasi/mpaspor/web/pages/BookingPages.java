package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;
import static id.go.imigrasi.mpaspor.web.pages.ApplicationPages.checkId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Office, date and session; the hold with its countdown; the submission; the bill (updates itself until paid)
 * with its invoice; the appointments with their QR codes; the reschedule.
 */
@Path("/applications/{id}")
@Produces(MediaType.TEXT_HTML)
public class BookingPages {

    /** The payment channels, as the billing service names them (how to pay at each is in the messages). */
    private static final String CHANNELS = "bank-teller,atm,internet-banking,post-office,indomaret,alfamart,marketplace";
    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");
    private static final Pattern SLOT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\|(MORNING|AFTERNOON)");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final ApplicationPages applications;

    public BookingPages(Pages pages, ApiClient api, Visit visit, ApplicationPages applications) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.applications = applications;
    }

    @GET
    @Path("office")
    public TemplateInstance office(@PathParam("id") String id, @QueryParam("lat") String lat,
            @QueryParam("lon") String lon, @QueryParam("city") String city) {
        visit.requireLogin();
        applications.load(id);
        return pages.page("office").data("id", id).data("offices", PublicPages.offices(api, lat, lon, city))
                .data("city", city == null ? "" : city).data("mode", "book");
    }

    @GET
    @Path("slot")
    public TemplateInstance slot(@PathParam("id") String id, @QueryParam("office") String office) {
        visit.requireLogin();
        JsonNode app = applications.load(id);
        return slotPage(id, office, app, Form.empty(), "book");
    }

    @POST
    @Path("slot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object hold(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        JsonNode app = applications.load(id);
        String office = in.getFirst("office");
        Form form = Form.empty().with("slot", in.getFirst("slot"));
        var slot = in.getFirst("slot") == null ? null : SLOT.matcher(in.getFirst("slot"));
        if (slot == null || !slot.matches()) {
            return slotPage(id, office, app, form.error("slot", pages.message("slot.choose")), "book");
        }
        List<String> niks = new ArrayList<>();
        app.path("applicants").forEach(a -> niks.add(a.path("nik").asText()));
        String kind = app.path("applicants").path(0).path("questionnaire").path("passportKind").asText("ORDINARY");
        return AccountPages.submit(pages, "slot", form, () -> {
            ApiResponse r = api.post("/holds", Map.of("officeCode", office, "date", slot.group(1), "session",
                    slot.group(2), "service", "REGULAR", "niks", niks, "passportKind", kind));
            if (r.status() == 201) {
                visit.session().note("hold:" + id, r.json().path("holdId").asText());
                return redirect("/applications/" + id + "/submit");
            }
            return slotPage(id, office, app, form.problem(r.problem()), "book").render();
        });
    }

    @GET
    @Path("submit")
    public Object review(@PathParam("id") String id) {
        visit.requireLogin();
        JsonNode app = applications.load(id);
        String holdId = visit.session().note("hold:" + id);
        if (holdId == null) {
            return redirect("/applications/" + id + "/office");
        }
        ApiResponse hold = api.get("/holds/" + holdId);
        if (!hold.ok()) {
            return redirect("/applications/" + id + "/office");
        }
        return pages.form("submit", Form.empty()).data("id", id).data("app", Pages.map(app))
                .data("hold", Pages.map(hold.json()))
                .data("secondsLeft", secondsUntil(hold.json().path("expiresAt").asText(null)))
                .data("minutesLeft", secondsUntil(hold.json().path("expiresAt").asText(null)) / 60);
    }

    @POST
    @Path("submit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object submit(@PathParam("id") String id, MultivaluedMap<String, String> in) throws InterruptedException {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        checkId(id);
        String holdId = visit.session().note("hold:" + id);
        if (holdId == null) {
            return redirect("/applications/" + id + "/office");
        }
        // a hold the application service has not heard of yet is answered 409 + Retry-After: wait a little here
        Instant deadline = Instant.now().plusSeconds(20);
        while (true) {
            ApiResponse r = api.post("/applications/" + id + "/submission", Map.of("holdId", holdId));
            if (r.status() == 202 || r.ok()) {
                visit.session().note("hold:" + id, null);
                return redirect("/applications/" + id + "/bill");
            }
            if (r.status() == 409 && r.header("Retry-After") != null && Instant.now().isBefore(deadline)) {
                Thread.sleep(Math.min(3, r.retryAfterSeconds()) * 1000L);
                continue;
            }
            JsonNode app = applications.load(id);
            ApiResponse hold = api.get("/holds/" + holdId);
            return pages.form("submit", Form.empty().problem(r.problem())).data("id", id).data("app", Pages.map(app))
                    .data("hold", hold.ok() ? Pages.map(hold.json()) : Map.of())
                    .data("secondsLeft", hold.ok() ? secondsUntil(hold.json().path("expiresAt").asText(null)) : 0)
                    .data("minutesLeft", hold.ok() ? secondsUntil(hold.json().path("expiresAt").asText(null)) / 60 : 0)
                    .render();
        }
    }

    @GET
    @Path("bill")
    public TemplateInstance bill(@PathParam("id") String id) {
        visit.requireLogin();
        return billPage("bill", id);
    }

    /** The bill's state alone, asked every few seconds by htmx until it is paid. */
    @GET
    @Path("bill/status")
    public TemplateInstance billStatus(@PathParam("id") String id) {
        visit.requireLogin();
        return billPage("bill-status", id);
    }

    @GET
    @Path("bill/invoice.pdf")
    @Produces({ "application/pdf", MediaType.TEXT_HTML })
    public Response invoice(@PathParam("id") String id) {
        visit.requireLogin();
        Map<String, Object> bill = bill(id, true);
        if (bill == null) {
            throw new NotFoundException();
        }
        String code = String.valueOf(bill.get("billingCode"));
        ApiResponse pdf = api.download("/bills/" + ApiClient.q(code) + "/invoice.pdf", "application/pdf");
        if (!pdf.ok()) {
            throw new NotFoundException();
        }
        return Response.ok(pdf.body(), "application/pdf")
                .header("Content-Disposition", "attachment; filename=\"invoice-" + code + ".pdf\"").build();
    }

    @GET
    @Path("appointment")
    public TemplateInstance appointment(@PathParam("id") String id, @QueryParam("moved") String moved) {
        visit.requireLogin();
        JsonNode app = applications.load(id);
        return pages.page("appointment").data("id", id).data("app", Pages.map(app))
                .data("appointments", appointments(id)).data("moved", moved != null)
                .data("hold", holdOf(app));
    }

    @GET
    @Path("appointment/{appointmentId}/qr.png")
    @Produces("image/png")
    public Response qr(@PathParam("id") String id, @PathParam("appointmentId") String appointmentId) {
        visit.requireLogin();
        checkId(id);
        checkId(appointmentId);
        ApiResponse png = api.download("/appointments/" + appointmentId + "/qr.png", "image/png");
        if (!png.ok()) {
            throw new NotFoundException();
        }
        return Response.ok(png.body(), "image/png").header("Cache-Control", "private, max-age=300").build();
    }

    @GET
    @Path("reschedule")
    public TemplateInstance rescheduleForm(@PathParam("id") String id) {
        visit.requireLogin();
        JsonNode app = applications.load(id);
        String office = app.path("appointment").path("officeCode").asText(null);
        if (office == null) {
            throw new NotFoundException();
        }
        return slotPage(id, office, app, Form.empty(), "reschedule").data("hold", holdOf(app));
    }

    @POST
    @Path("reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object reschedule(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        JsonNode app = applications.load(id);
        String holdId = app.path("appointment").path("holdId").asText(null);
        String office = app.path("appointment").path("officeCode").asText(null);
        Form form = Form.empty().with("slot", in.getFirst("slot"));
        var slot = in.getFirst("slot") == null ? null : SLOT.matcher(in.getFirst("slot"));
        if (holdId == null) {
            throw new NotFoundException();
        }
        if (slot == null || !slot.matches()) {
            return slotPage(id, office, app, form.error("slot", pages.message("slot.choose")), "reschedule")
                    .data("hold", holdOf(app));
        }
        return AccountPages.submit(pages, "slot", form, () -> {
            ApiResponse r = api.post("/bookings/" + holdId + "/reschedule",
                    Map.of("date", slot.group(1), "session", slot.group(2)));
            if (r.ok()) {
                return redirect("/applications/" + id + "/appointment?moved=1");
            }
            return slotPage(id, office, app, form.problem(r.problem()), "reschedule").data("hold", holdOf(app))
                    .render();
        });
    }

    // ---- helpers ----

    private Map<String, Object> holdOf(JsonNode app) {
        String holdId = app.path("appointment").path("holdId").asText(null);
        if (holdId == null) {
            return Map.of();
        }
        ApiResponse hold = api.get("/holds/" + holdId);
        return hold.ok() ? Pages.map(hold.json()) : Map.of();
    }

    private TemplateInstance slotPage(String id, String office, JsonNode app, Form form, String mode) {
        if (office == null || !OFFICE.matcher(office).matches()) {
            throw new NotFoundException();
        }
        int places = Math.max(1, app.path("applicants").size());
        ApiResponse officeInfo = api.get("/offices/" + office);
        ApiResponse calendar = api.get("/offices/" + office + "/calendar");
        if (!officeInfo.ok() || !calendar.ok()) {
            throw new NotFoundException();
        }
        return pages.form("slot", form).data("id", id).data("office", Pages.map(officeInfo.json()))
                .data("days", PublicPages.days(calendar.json(), places)).data("places", places).data("mode", mode);
    }

    private TemplateInstance billPage(String template, String id) {
        JsonNode app = applications.load(id);
        Map<String, Object> bill = bill(id, false);
        return pages.page(template).data("id", id).data("app", Pages.map(app)).data("bill", bill)
                .data("channels", CHANNELS)
                .data("secondsLeft", bill == null ? 0 : secondsUntil(String.valueOf(bill.get("expiresAt"))))
                .data("minutesLeft", bill == null ? 0 : secondsUntil(String.valueOf(bill.get("expiresAt"))) / 60);
    }

    private Map<String, Object> bill(String id, boolean required) {
        ApiResponse r = api.get("/bills?applicationId=" + ApiClient.q(id));
        if (!r.ok()) {
            return null;
        }
        return Pages.map(r.json());
    }

    private List<Map<String, Object>> appointments(String id) {
        ApiResponse r = api.get("/appointments");
        if (!r.ok()) {
            return List.of();
        }
        return Pages.list(r.json()).stream().filter(a -> id.equals(a.get("applicationId"))).toList();
    }

    static long secondsUntil(String instant) {
        if (instant == null || "null".equals(instant)) {
            return 0;
        }
        try {
            return Math.max(0, Duration.between(Instant.now(), Instant.parse(instant)).getSeconds());
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
