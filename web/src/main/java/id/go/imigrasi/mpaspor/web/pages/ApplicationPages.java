package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;
import static id.go.imigrasi.mpaspor.web.pages.AccountPages.trim;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * "My applications", one application with its timeline, and the applicants (the wizard). The documents:
 * {@link DocumentPages}.
 */
@Path("/applications")
@Produces(MediaType.TEXT_HTML)
public class ApplicationPages {

    static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final List<String> APPLICANT_FIELDS = List.of("fullName", "nik", "birthDay", "birthMonth",
            "birthYear", "birthPlace", "sex", "motherName", "address", "phone", "applicationType", "passportKind",
            "validityYears", "sameDayService", "travelPurpose", "authority");

    /**
     * The states in which the applicant may still correct their data online (submitted, before the office visit):
     * where the page offers it; the API decides (a checked-in applicant is refused there, in words here).
     */
    private static final java.util.Set<String> CORRECTABLE = java.util.Set.of("SUBMITTED", "AWAITING_PAYMENT", "PAID",
            "BOOKED", "APPOINTMENT_SCHEDULED");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;

    public ApplicationPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones) {
        this.zones = zones;
        this.pages = pages;
        this.api = api;
        this.visit = visit;
    }

    @GET
    public TemplateInstance mine() {
        visit.requireLogin();
        ApiResponse r = api.get("/applications");
        return pages.page("applications").data("applications", r.ok() ? Pages.list(r.json()) : List.of());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object create(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        ApiResponse r = api.post("/applications", Map.of());
        if (r.status() != 201) {
            return pages.page("applications").data("applications", List.of()).data("problem", r.problem());
        }
        return redirect("/applications/" + r.json().path("id").asText() + "/applicants/new");
    }

    @GET
    @Path("{id}")
    public TemplateInstance application(@PathParam("id") String id) {
        visit.requireLogin();
        JsonNode app = load(id);
        // the timeline in the zone of the application's office once it has one (WIB before)
        // its helpdesk tickets (issue 22); none, or no answer, leaves the help section with its "write" link only
        ApiResponse tickets = api.get("/applications/" + id + "/tickets");
        return pages.page("application").data("app", Pages.map(app)).data("id", id)
                .data("zone", zones.of(app.path("appointment").path("officeCode").asText(null)))
                .data("tickets", tickets.ok() ? Pages.list(tickets.json()) : List.of())
                .data("correctable", CORRECTABLE.contains(app.path("status").asText()));
    }

    @GET
    @Path("{id}/applicants/new")
    public TemplateInstance newApplicant(@PathParam("id") String id) {
        visit.requireLogin();
        JsonNode app = load(id);
        return applicantPage(id, null, app, Form.empty().with("applicationType", "NEW").with("passportKind", "ELECTRONIC")
                .with("validityYears", "10"));
    }

    @POST
    @Path("{id}/applicants/new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object addApplicant(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        JsonNode app = load(id);
        Form form = typedApplicant(in);
        return AccountPages.submit(pages, "applicant", form, () -> {
            ApiResponse r = api.post("/applications/" + id + "/applicants", applicantBody(form));
            return afterApplicant(id, null, app, form, r, in.getFirst("next"));
        });
    }

    @GET
    @Path("{id}/applicants/{applicantId}")
    public TemplateInstance editApplicant(@PathParam("id") String id, @PathParam("applicantId") String applicantId) {
        visit.requireLogin();
        JsonNode app = load(id);
        for (JsonNode a : app.path("applicants")) {
            if (applicantId.equals(a.path("id").asText())) {
                String[] birth = a.path("birthDate").asText("--").split("-");
                JsonNode q = a.path("questionnaire");
                Form form = Form.empty().with("fullName", a.path("fullName").asText()).with("nik", a.path("nik").asText())
                        .with("birthYear", birth[0]).with("birthMonth", birth.length > 1 ? birth[1] : "")
                        .with("birthDay", birth.length > 2 ? birth[2] : "").with("birthPlace", a.path("birthPlace").asText())
                        .with("sex", a.path("sex").asText()).with("motherName", a.path("motherName").asText())
                        .with("address", a.path("address").asText()).with("phone", a.path("phone").asText())
                        .with("applicationType", q.path("applicationType").asText())
                        .with("passportKind", q.path("passportKind").asText())
                        .with("validityYears", q.path("validityYears").asText())
                        .with("sameDayService", q.path("sameDayService").asBoolean() ? "true" : null)
                        .with("travelPurpose", q.path("travelPurpose").asText())
                        .with("authority", a.path("authority").path("declaration").asText(""));
                return applicantPage(id, applicantId, app, form);
            }
        }
        throw new NotFoundException();
    }

    @POST
    @Path("{id}/applicants/{applicantId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object updateApplicant(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        checkId(applicantId);
        JsonNode app = load(id);
        Form form = typedApplicant(in);
        return AccountPages.submit(pages, "applicant", form, () -> {
            ApiResponse r = api.put("/applications/" + id + "/applicants/" + applicantId, applicantBody(form));
            return afterApplicant(id, applicantId, app, form, r, in.getFirst("next"));
        });
    }

    @POST
    @Path("{id}/cancellation")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object cancel(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        checkId(id);
        api.post("/applications/" + id + "/cancellation", Map.of());
        return redirect("/applications/" + id);
    }

    // ---- helpers ----

    private Object afterApplicant(String id, String applicantId, JsonNode app, Form form, ApiResponse r, String next) {
        if (r.ok()) {
            return redirect("another".equals(next) ? "/applications/" + id + "/applicants/new"
                    : "/applications/" + id);
        }
        return applicantPage(id, applicantId, app, form.problem(r.problem())).render();
    }

    private TemplateInstance applicantPage(String id, String applicantId, JsonNode app, Form form) {
        return pages.form("applicant", form).data("id", id).data("applicantId", applicantId)
                .data("count", app.path("applicants").size());
    }

    JsonNode load(String id) {
        checkId(id);
        ApiResponse r = api.get("/applications/" + id);
        if (!r.ok()) {
            // another account's application is "not found" at the API; the same here
            throw new NotFoundException();
        }
        return r.json();
    }

    static void checkId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
    }

    private static Form typedApplicant(MultivaluedMap<String, String> in) {
        Form form = Form.empty();
        for (String f : APPLICANT_FIELDS) {
            form.with(f, trim(in.getFirst(f)));
        }
        return form;
    }

    /** The three birth date fields ({@code tags/birth.html}) as one ISO date for the API; null when all are empty. */
    static String birthDate(Form form) {
        String y = form.value("birthYear"), m = form.value("birthMonth"), d = form.value("birthDay");
        if (y.isEmpty() && m.isEmpty() && d.isEmpty()) {
            return null;
        }
        return String.format("%s-%s-%s", y, pad(m), pad(d));
    }

    /** The API's applicant body from the form (the three date fields become one ISO date). */
    static Map<String, Object> applicantBody(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        putText(body, "fullName", form.value("fullName"));
        putText(body, "nik", form.value("nik").replaceAll("\\s", ""));
        String birthDate = birthDate(form);
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        putText(body, "birthPlace", form.value("birthPlace"));
        putText(body, "sex", form.value("sex"));
        putText(body, "motherName", form.value("motherName"));
        putText(body, "address", form.value("address"));
        putText(body, "phone", form.value("phone"));
        Map<String, Object> q = new LinkedHashMap<>();
        putText(q, "applicationType", form.value("applicationType"));
        putText(q, "passportKind", form.value("passportKind"));
        if (!form.value("validityYears").isEmpty()) {
            try {
                q.put("validityYears", Integer.parseInt(form.value("validityYears")));
            } catch (NumberFormatException e) {
                q.put("validityYears", 0);
            }
        }
        q.put("sameDayService", "true".equals(form.value("sameDayService")));
        putText(q, "travelPurpose", form.value("travelPurpose"));
        body.put("questionnaire", q);
        putText(body, "authority", form.value("authority"));
        return body;
    }

    private static String pad(String v) {
        return v.length() == 1 ? "0" + v : v;
    }

    private static void putText(Map<String, Object> body, String key, String value) {
        if (value != null && !value.isEmpty()) {
            body.put(key, value);
        }
    }
}
