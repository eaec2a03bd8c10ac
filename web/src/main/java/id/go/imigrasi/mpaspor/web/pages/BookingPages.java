package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;
import static id.go.imigrasi.mpaspor.web.pages.ApplicationPages.checkId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
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
    /** The hidden field of the slot form that carries its submission's Idempotency-Key. */
    static final String KEY = "idempotencyKey";
    private static final Pattern KEY_FORMAT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** How long the hold waits here for applicants quota has not heard of yet before the page waits instead. */
    private static final Duration APPLICANTS_PATIENCE = Duration.ofSeconds(6);
    private static final Pattern SLOT = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\|(MORNING|AFTERNOON)");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final ApplicationPages applications;
    private final OfficeZones zones;

    public BookingPages(Pages pages, ApiClient api, Visit visit, ApplicationPages applications, OfficeZones zones) {
        this.zones = zones;
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
        return slotPage(id, office, app, Form.empty().with(KEY, newKey()), "book");
    }

    @POST
    @Path("slot")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object hold(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        JsonNode app = applications.load(id);
        String office = in.getFirst("office");
        // one key per submission of the form: the same on the automatic retry after 429/503 (the form comes back
        // with it) and after applicants-not-yet-known, a new one once the API has answered for good
        String key = in.getFirst(KEY) != null && KEY_FORMAT.matcher(in.getFirst(KEY)).matches() ? in.getFirst(KEY)
                : newKey();
        Form form = Form.empty().with("slot", in.getFirst("slot")).with(KEY, key);
        var slot = in.getFirst("slot") == null ? null : SLOT.matcher(in.getFirst("slot"));
        if (slot == null || !slot.matches()) {
            return slotPage(id, office, app, form.error("slot", pages.message("slot_choose")), "book");
        }
        List<String> niks = new ArrayList<>();
        app.path("applicants").forEach(a -> niks.add(a.path("nik").asText()));
        Need need = Need.of(app).atDesk(Staff.of(visit.session()).deskOffice(), office);
        Map<String, Object> request = Map.of("officeCode", office, "date", slot.group(1), "session", slot.group(2),
                "service", need.service(), "niks", niks, "passportKind", need.passportKind());
        ApiResponse r;
        // during a release's waiting-room window the hold needs the pass the waiting room gave (issue 17)
        String pass = WaitingRoomPages.passFor(visit.session(), office).map(p -> p[2]).orElse(null);
        try {
            r = holdPolitely(request, key, pass);
        } catch (ApiBusy busy) {
            // the slot page again with the choice and the same key, sent again by itself after Retry-After
            return waitThenResend(503, busy.retryAfterSeconds(), slotPage(id, office, app,
                    form.busy(busy.retryAfterSeconds()), "book"));
        }
        if (r.status() == 201) {
            visit.session().note("hold:" + id, r.json().path("holdId").asText());
            return redirect("/applications/" + id + "/submit");
        }
        var room = WaitingRoomPages.roomOf(r);
        if (room.isPresent()) {
            // no pass (or an expired one): the release's waiting room, where the person queues for one
            String releaseId = room.get().isEmpty() ? roomFor(office, slot.group(1)) : room.get();
            if (releaseId != null) {
                return redirect("/applications/" + id + "/waiting-room/" + releaseId);
            }
        }
        if (applicantsNotYetKnown(r)) {
            // still not known after a few seconds here: the page waits and sends the same request again
            long seconds = Math.max(1, r.retryAfterSeconds());
            return waitThenResend(409, seconds, slotPage(id, office, app,
                    form.busy(seconds, pages.message("slot_applicants_wait")), "book"));
        }
        return slotPage(id, office, app, form.with(KEY, newKey()).problem(r.problem()), "book");
    }

    private static Response waitThenResend(int status, long seconds, TemplateInstance page) {
        return Response.status(status).header("Retry-After", seconds).type(MediaType.TEXT_HTML_TYPE)
                .entity(page.render()).build();
    }

    /**
     * {@code POST /holds} with the submission's Idempotency-Key. A 409 applicants-not-yet-known (the applicants were
     * added a moment ago and quota has not heard of them yet) is waited for here, as its Retry-After asks, a few
     * times within {@link #APPLICANTS_PATIENCE}; the same key makes each try safe.
     */
    ApiResponse holdPolitely(Map<String, Object> request, String key) {
        return holdPolitely(request, key, null);
    }

    /** The same, with the waiting room's hold pass ({@code Hold-Pass}) when the session holds one for the office. */
    ApiResponse holdPolitely(Map<String, Object> request, String key, String holdPass) {
        Instant deadline = Instant.now().plus(APPLICANTS_PATIENCE);
        Map<String, String> headers = holdPass == null ? Map.of("Idempotency-Key", key)
                : Map.of("Idempotency-Key", key, "Hold-Pass", holdPass);
        while (true) {
            ApiResponse r = api.post("/holds", request, headers);
            if (!applicantsNotYetKnown(r)) {
                return r;
            }
            long wait = Math.min(3, Math.max(1, r.retryAfterSeconds()));
            if (Instant.now().plusSeconds(wait).isAfter(deadline)) {
                return r;
            }
            try {
                Thread.sleep(wait * 1000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiBusy(wait);
            }
        }
    }

    static boolean applicantsNotYetKnown(ApiResponse r) {
        if (r.status() != 409) {
            return false;
        }
        try {
            return r.json().path("type").asText("").endsWith("/applicants-not-yet-known");
        } catch (RuntimeException notJson) {
            return false;
        }
    }

    /**
     * The hold the application's applicants need, as application-service says on the application ({@code booking}:
     * the one rule, BookingNeed): the same-day line when every applicant asked for same-day service, the e-passport
     * kind when any applicant asks for one. The calendar shown and the hold asked for are of that line and kind, so a
     * date closed to e-passports is never offered to an e-passport applicant. When the applicants disagree on
     * same-day service there is no line for all of them: the regular one is shown, and the submission names who
     * differs.
     */
    record Need(String service, String passportKind) {

        /**
         * At the office's own desk (an officer acting for a walk-in, issue 19) regular applicants take the walk-in
         * line's places, from today on; same-day applicants keep the same-day line.
         */
        Need atDesk(String deskOffice, String office) {
            return deskOffice != null && deskOffice.equals(office) && "REGULAR".equals(service)
                    ? new Need("PRIORITY_WALK_IN", passportKind) : this;
        }

        static Need of(JsonNode app) {
            JsonNode booking = app.path("booking");
            String service = booking.path("service").asText("");
            String kind = booking.path("passportKind").asText("");
            return new Need(service.equals("SAME_DAY") ? "SAME_DAY" : "REGULAR",
                    kind.equals("ELECTRONIC") || kind.equals("ORDINARY") ? kind : anyElectronic(app));
        }

        private static String anyElectronic(JsonNode app) {
            for (JsonNode a : app.path("applicants")) {
                if ("ELECTRONIC".equals(a.path("questionnaire").path("passportKind").asText())) {
                    return "ELECTRONIC";
                }
            }
            return "ORDINARY";
        }
    }

    static String newKey() {
        return UUID.randomUUID().toString();
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
                .data("zone", zones.of(hold.json().path("officeCode").asText(null)))
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
                    .data("zone", zones.of(hold.ok() ? hold.json().path("officeCode").asText(null) : null))
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
        // the fragment also takes the ways to pay off the page once paid (htmx out-of-band)
        return billPage("bill-status", id).data("fragment", true);
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
            return slotPage(id, office, app, form.error("slot", pages.message("slot_choose")), "reschedule")
                    .data("hold", holdOf(app));
        }
        ApiResponse r;
        try {
            r = api.post("/bookings/" + holdId + "/reschedule", Map.of("date", slot.group(1), "session", slot.group(2)));
        } catch (ApiBusy busy) {
            return waitThenResend(503, busy.retryAfterSeconds(), slotPage(id, office, app,
                    form.busy(busy.retryAfterSeconds()), "reschedule").data("hold", holdOf(app)));
        }
        if (r.ok()) {
            return redirect("/applications/" + id + "/appointment?moved=1");
        }
        return slotPage(id, office, app, form.problem(r.problem()), "reschedule").data("hold", holdOf(app));
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
        Need need = Need.of(app).atDesk(Staff.of(visit.session()).deskOffice(), office);
        ApiResponse calendar = api.get("/offices/" + office + "/calendar?service=" + need.service() + "&passportKind="
                + need.passportKind());
        if (!officeInfo.ok() || !calendar.ok()) {
            throw new NotFoundException();
        }
        TemplateInstance page = pages.form("slot", form).data("id", id).data("office", Pages.map(officeInfo.json()))
                .data("days", PublicPages.days(calendar.json(), places)).data("places", places).data("mode", mode);
        if ("book".equals(mode)) {
            // the office's releases with a waiting room, or the pass the waiting room gave (issue 17)
            var pass = WaitingRoomPages.passFor(visit.session(), office);
            page.data("zone", zones.of(office));
            if (pass.isPresent()) {
                page.data("passUntil", pass.get()[1]).data("passSeconds", secondsUntil(pass.get()[1]));
            } else {
                page.data("rooms", WaitingRoomPages.openRooms(api, office));
            }
        }
        return page;
    }

    /** The waiting room of the office's release that covers {@code date}, or null. */
    private String roomFor(String office, String date) {
        for (Map<String, Object> room : WaitingRoomPages.openRooms(api, office)) {
            Object from = room.get("fromDate");
            Object to = room.get("toDate");
            if (from != null && to != null && date.compareTo(from.toString()) >= 0 && date.compareTo(to.toString()) <= 0) {
                return String.valueOf(room.get("releaseId"));
            }
        }
        return null;
    }

    private TemplateInstance billPage(String template, String id) {
        JsonNode app = applications.load(id);
        Map<String, Object> bill = bill(id, false);
        return pages.page(template).data("id", id).data("app", Pages.map(app)).data("bill", bill)
                .data("channels", CHANNELS).data("zone", zones.of(bill == null ? null : bill.get("officeCode")))
                .data("secondsLeft", bill == null ? 0 : secondsUntil(String.valueOf(bill.get("expiresAt"))))
                .data("minutesLeft", bill == null ? 0 : secondsUntil(String.valueOf(bill.get("expiresAt"))) / 60)
                .data("refunds", "bill".equals(template) ? refunds(bill) : List.of());
    }

    /**
     * The bill's refund cases (issue 22): a payment paid back, or to be, with its state and the channel's refund
     * reference once paid. None, or no answer (404), shows nothing; asked on the full page only, not by the
     * status part htmx reloads.
     */
    private List<Map<String, Object>> refunds(Map<String, Object> bill) {
        if (bill == null || bill.get("billingCode") == null) {
            return List.of();
        }
        ApiResponse r = api.get("/bills/" + ApiClient.q(String.valueOf(bill.get("billingCode"))) + "/refunds");
        return r.ok() ? Pages.list(r.json()) : List.of();
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
