package id.go.imigrasi.mpaspor.web.pages;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiProblem;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerResponse;

/**
 * The officer's desk ({@code /kantor}): the day's appointments at the officer's own office by session, check-in by
 * booking code and the e-KTP's NIK, then on one appointment's page the interview, the capture station's results
 * (face, each finger with its attempts, the exception after the last failed attempt), the decision, issuance and
 * the handover (pickup by the applicant or a family member of the same KK, or Pos delivery). Every action is one
 * form post answered with the page as the API left the appointment (one page load, no JavaScript needed); the API
 * decides everything, including that the appointment belongs to the officer's office. Once the applicant is checked
 * in, the page lists their accepted documents; opening one is the API's decision too (checked in at this office
 * today) and is recorded there with the officer's id. Where the desk's browser has a camera, the check-in's booking
 * code can also be read from the applicant's QR code ({@code kantor-scan.js}, which fills the field and sends the
 * same form).
 */
@Path("/kantor")
@Produces(MediaType.TEXT_HTML)
public class KantorPages {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern DOCUMENT_TYPE = Pattern.compile("[A-Z_]{2,40}");
    private static final String DOCUMENT_TYPES = "image/jpeg, image/png, application/pdf, application/problem+json";
    /** The site's Permissions-Policy with the camera allowed to this origin: the desk's day page (QR check-in). */
    static final String CAMERA_ALLOWED = "geolocation=(self), camera=(self), microphone=()";
    public static final List<String> FINGERS = List.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING",
            "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;
    private final StaffTexts texts;

    public KantorPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones, StaffTexts texts) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.zones = zones;
        this.texts = texts;
    }

    @GET
    public Object day(@QueryParam("date") String date, @Context HttpServerResponse response) {
        Staff staff = officer();
        allowCamera(response);
        return dayPage(staff, date, Form.empty(), 200);
    }

    @POST
    @Path("check-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object checkIn(MultivaluedMap<String, String> in, @Context HttpServerResponse response) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = officer();
        Form form = AccountPages.typed(in, "bookingCode", "nik");
        try {
            ApiResponse r = api.post("/office/check-in", Map.of("bookingCode", form.value("bookingCode"),
                    "nik", form.value("nik")));
            if (r.ok()) {
                return appointmentPage(staff, Pages.map(r.json()), Form.empty(), null, "done_checkin", 200);
            }
            if ("nik-mismatch".equals(slug(r))) {
                // the e-KTP shown is not the booked person's: said beside the NIK, never "an error occurred"
                form.error("nik", texts.text("checkin_nik_mismatch"));
            } else {
                form.problem(r.problem());
            }
            // the day the officer was looking at, again
            allowCamera(response);
            return dayPage(staff, in.getFirst("date"), form, r.status());
        } catch (ApiBusy busy) {
            allowCamera(response);
            return dayPage(staff, in.getFirst("date"), form.busy(busy.retryAfterSeconds()), 503);
        }
    }

    /**
     * The desk search (issue 22): an applicant who lost the booking code, or comes back for the passport, found by
     * NIK, booking code, passport number or a part of the name, in the officer's office only (the API's rule,
     * DeskQuery). A plain GET form, so a result can be opened and the back button returns to the list.
     */
    @GET
    @Path("search")
    public Object search(@QueryParam("q") String q) {
        Staff staff = officer();
        Form form = Form.empty().with("q", q);
        List<Map<String, Object>> results = null;
        if (q != null && !q.isBlank()) {
            ApiResponse r = api.get("/office/appointments/search?q=" + ApiClient.q(q));
            if (r.status() == 403) {
                return render(pages.page("kantor/refused").data("staff", staff), 403);
            }
            if (r.ok()) {
                results = Pages.list(r.json());
            } else {
                form.problem(r.problem());
            }
        }
        return render(pages.form("kantor/search", form).data("staff", staff).data("zone", zones.of(staff.officeCode()))
                .data("searched", results != null).data("results", results == null ? List.of() : results), 200);
    }

    @GET
    @Path("appointments/{id}")
    public Object appointment(@PathParam("id") String id) {
        Staff staff = officer();
        return appointmentPage(staff, read(id), Form.empty(), null, null, 200);
    }

    /**
     * One of the checked-in applicant's documents, as the API serves it to this officer (and records the read); a
     * refusal (not checked in here today) or a document that cannot be shown (410: its stored file failed its integrity
     * check) is the appointment's page with the API's words.
     */
    @GET
    @Path("appointments/{id}/documents/{type}")
    @Produces({ "image/jpeg", "image/png", "application/pdf", MediaType.TEXT_HTML })
    public Object document(@PathParam("id") String id, @PathParam("type") String type) {
        Staff staff = officer();
        if (!DOCUMENT_TYPE.matcher(type).matches()) {
            throw new NotFoundException();
        }
        Map<String, Object> a = read(id);
        try {
            ApiResponse r = api.download("/applications/" + a.get("applicationId") + "/applicants/"
                    + a.get("applicantId") + "/documents/" + type, DOCUMENT_TYPES);
            if (r.ok()) {
                String contentType = r.header("Content-Type");
                return Response.ok(r.body(), contentType == null ? "application/octet-stream" : contentType)
                        .header("Cache-Control", "no-store").header("X-Content-Type-Options", "nosniff")
                        .header("Content-Disposition", "inline").build();
            }
            if ((r.status() == 403 || r.status() == 410) && r.header("Content-Type") != null
                    && r.header("Content-Type").startsWith("application/problem+json")) {
                Form form = Form.empty();
                form.problem(r.problem());
                return appointmentPage(staff, a, form, null, null, r.status());
            }
            throw new NotFoundException();
        } catch (ApiBusy busy) {
            return appointmentPage(staff, a, Form.empty().busy(busy.retryAfterSeconds()), null, null, 503);
        }
    }

    @POST
    @Path("appointments/{id}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object act(@PathParam("id") String id, @PathParam("action") String action,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = officer();
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        Form form = Form.empty();
        in.forEach((k, v) -> {
            if (!"csrf".equals(k) && !v.isEmpty()) {
                form.with(k, AccountPages.trim(v.get(0)));
            }
        });
        String base = "/office/appointments/" + id;
        Map<String, Object> body = new LinkedHashMap<>();
        String path;
        switch (action) {
            case "interview" -> {
                path = base + "/interview";
                put(body, "outcome", form, "interview-outcome");
                put(body, "reason", form, "interview-reason");
            }
            case "face" -> {
                path = base + "/capture/face";
                number(body, "score", form.value("face-score"));
                body.put("icaoCompliant", "true".equals(form.value("face-icao")));
            }
            case "fingers" -> {
                path = base + "/capture/fingers";
                List<Map<String, Object>> results = new ArrayList<>();
                for (String finger : FINGERS) {
                    String score = form.value("fingers-" + finger);
                    if (!score.isEmpty()) {
                        Map<String, Object> result = new LinkedHashMap<>();
                        result.put("finger", finger);
                        number(result, "nfiq2", score);
                        results.add(result);
                    }
                }
                body.put("results", results);
            }
            case "exception" -> {
                String finger = form.value("exception-finger");
                if (!FINGERS.contains(finger)) {
                    form.error("exception-finger", texts.text("exception_finger_missing"));
                    return appointmentPage(staff, read(id), form, action, null, 400);
                }
                path = base + "/capture/fingers/" + finger + "/exception";
                put(body, "kind", form, "exception-kind");
                put(body, "reason", form, "exception-reason");
            }
            case "decision" -> {
                path = base + "/decision";
                put(body, "decision", form, "decision-decision");
                put(body, "reason", form, "decision-reason");
            }
            case "issuance" -> path = base + "/issuance";
            case "pickup" -> {
                path = base + "/pickup";
                for (String f : List.of("collectedBy", "collectorName", "collectorNik", "familyCardNumber",
                        "applicantFamilyCardNumber")) {
                    put(body, f, form, "pickup-" + f);
                }
            }
            case "delivery" -> {
                path = base + "/delivery";
                for (String f : List.of("recipientName", "address", "postalCode", "phone")) {
                    put(body, f, form, "delivery-" + f);
                }
            }
            default -> throw new NotFoundException();
        }
        try {
            ApiResponse r = api.post(path, body);
            if (r.ok()) {
                return appointmentPage(staff, Pages.map(r.json()), Form.empty(), null, "done_" + action, 200);
            }
            if (r.status() == 404 || r.status() == 403) {
                throw new NotFoundException();
            }
            ApiProblem problem = r.problem();
            if (problem.fieldErrors().isEmpty() || "fingers".equals(action)) {
                form.problem(new ApiProblem(problem.status(), problem.title(),
                        problem.detail() == null ? String.join("; ", problem.fieldErrors().values()) : problem.detail(),
                        Map.of()));
            } else {
                problem.fieldErrors().forEach((field, message) -> form.error(action + "-" + field, message));
            }
            return appointmentPage(staff, read(id), form, action, null, r.status());
        } catch (ApiBusy busy) {
            return appointmentPage(staff, read(id), form.busy(busy.retryAfterSeconds()), action, null, 503);
        }
    }

    // ---- pages ----

    private Object dayPage(Staff staff, String date, Form form, int status) {
        String zone = zones.of(staff.officeCode());
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(Formats.zone(zone)) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            day = LocalDate.now(Formats.zone(zone));
        }
        ApiResponse r = api.get("/office/appointments?date=" + day);
        if (!r.ok()) {
            return render(pages.page("kantor/refused").data("staff", staff), 403);
        }
        List<Map<String, Object>> all = Pages.list(r.json());
        Map<String, List<Map<String, Object>>> bySession = new LinkedHashMap<>();
        for (String s : List.of("MORNING", "AFTERNOON")) {
            bySession.put(s, new ArrayList<>());
        }
        for (Map<String, Object> a : all) {
            bySession.computeIfAbsent(String.valueOf(a.get("session")), s -> new ArrayList<>()).add(a);
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> a : all) {
            counts.merge(String.valueOf(a.get("status")), 1, Integer::sum);
        }
        TemplateInstance page = pages.form("kantor/day", form).data("staff", staff).data("day", day.toString())
                .data("zone", zone).data("sessions", bySession).data("total", all.size()).data("counts", counts)
                .data("codePattern", ScannedBookingCode.PATTERN);
        return render(page, status);
    }

    /**
     * The day page's check-in may read the booking code with the camera (kantor-scan.js): its answer replaces the
     * site's Permissions-Policy (camera=(), set on every answer before the page is made) with one allowing the camera
     * to this origin. Every other page keeps camera=().
     */
    private static void allowCamera(HttpServerResponse response) {
        response.headers().set("Permissions-Policy", CAMERA_ALLOWED);
    }

    private Object appointmentPage(Staff staff, Map<String, Object> a, Form form, String failed, String done,
            int status) {
        String zone = zones.of(a.get("officeCode"));
        TemplateInstance page = pages.form("kantor/appointment", form).data("staff", staff).data("a", a)
                .data("zone", zone).data("failed", failed == null ? "" : failed).data("done", done == null ? "" : done)
                .data("fingerNames", FINGERS).data("documents", documents(a));
        return render(page, status);
    }

    /**
     * The accepted document types of a checked-in applicant (empty before check-in, or when the API does not say):
     * the links of the page's documents section.
     */
    private List<String> documents(Map<String, Object> a) {
        if (a.get("checkedInAt") == null || a.get("applicationId") == null) {
            return List.of();
        }
        try {
            ApiResponse r = api.get("/applications/" + a.get("applicationId") + "/requirements");
            if (!r.ok()) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (var applicant : r.json().path("applicants")) {
                if (!applicant.path("applicantId").asText().equals(String.valueOf(a.get("applicantId")))) {
                    continue;
                }
                for (var line : applicant.path("documents")) {
                    if ("ACCEPTED".equals(line.path("state").asText()) && line.hasNonNull("documentType")) {
                        out.add(line.path("documentType").asText());
                    }
                }
            }
            return out;
        } catch (ApiBusy busy) {
            return List.of();
        }
    }

    private Map<String, Object> read(String id) {
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        ApiResponse r = api.get("/appointments/" + id);
        if (!r.ok()) {
            // another office's appointment (403) or none (404): the page shows nothing of it
            throw new NotFoundException();
        }
        return Pages.map(r.json());
    }

    private Staff officer() {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.officer()) {
            throw new StaffOnly(Staff.OFFICER);
        }
        return staff;
    }

    static Object render(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    private static void put(Map<String, Object> body, String apiField, Form form, String field) {
        String v = form.value(field);
        if (!v.isEmpty()) {
            body.put(apiField, v);
        }
    }

    /**
     * A number typed in a form, sent as a JSON number (the API takes no "10" for 10); anything else is sent as typed,
     * so the API's field error says what is wrong with it.
     */
    private static void number(Map<String, Object> body, String apiField, String typed) {
        if (typed == null || typed.isEmpty()) {
            return;
        }
        body.put(apiField, typed.matches("\\d{1,9}") ? (Object) Integer.valueOf(typed) : typed);
    }

    /** The last part of the problem's {@code type} URI ({@code nik-mismatch}). */
    static String slug(ApiResponse r) {
        try {
            String type = r.json().path("type").asText("");
            return type.substring(type.lastIndexOf('/') + 1);
        } catch (RuntimeException unreadable) {
            return "";
        }
    }
}
