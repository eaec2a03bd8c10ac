package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;

import java.util.LinkedHashMap;
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

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiProblem;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Corrections of an applicant's data after submission (issue 22): the address, the mobile number and the travel
 * purpose, with a reason, and the history of what was corrected (who, when, before and after). Only what changed is
 * sent. When a correction is allowed is the API's rule: a draft, an applicant already checked in or a finished
 * application is refused (409), and identity data only at the office (422 {@code correction-at-office}); this page
 * says each in plain words instead of a code.
 */
@Path("/applications/{id}/applicants/{applicantId}/corrections")
@Produces(MediaType.TEXT_HTML)
public class CorrectionPages {

    /** What can be corrected online (the API's {@code CorrectionRules}). */
    public static final List<String> FIELDS = List.of("address", "phone", "travelPurpose");
    private static final String TEMPLATE = "help/corrections";
    /** The API's refusals by problem type, and this site's words for them (bundle {@code help}). */
    private static final Map<String, String> REFUSALS = Map.of("correction-of-draft", "corr_draft",
            "correction-after-check-in", "corr_checked_in", "correction-of-finished-application", "corr_finished",
            "correction-at-office", "corr_at_office");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final ApplicationPages applications;
    private final OfficeZones zones;

    public CorrectionPages(Pages pages, ApiClient api, Visit visit, ApplicationPages applications, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.applications = applications;
        this.zones = zones;
    }

    @GET
    public TemplateInstance show(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            @QueryParam("saved") String saved) {
        visit.requireLogin();
        JsonNode app = applications.load(id);
        JsonNode applicant = applicant(app, applicantId);
        return page(id, app, applicant, current(applicant)).data("saved", saved != null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object correct(@PathParam("id") String id, @PathParam("applicantId") String applicantId,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        JsonNode app = applications.load(id);
        JsonNode applicant = applicant(app, applicantId);
        Form form = AccountPages.typed(in, "address", "phone", "travelPurpose", "reason");
        Form before = current(applicant);
        Map<String, String> changed = new LinkedHashMap<>();
        for (String f : FIELDS) {
            if (!form.value(f).equals(before.value(f))) {
                changed.put(f, form.value(f));
            }
        }
        if (changed.isEmpty()) {
            // nothing to send: the API would write nothing either
            return HelpdeskPages.rendered(page(id, app, applicant, form.note(pages.message("help", "corr_nothing"))),
                    400);
        }
        return HelpdeskPages.submit(form, f -> page(id, app, applicant, f), () -> {
            ApiResponse r = api.post(path(id, applicantId), Map.of("fields", changed, "reason", form.value("reason")));
            if (r.ok()) {
                return redirect(path(id, applicantId) + "?saved=1");
            }
            return HelpdeskPages.rendered(page(id, app, applicant, refused(form, r)), r.status());
        });
    }

    /**
     * The API's refusal on the form: its field errors beside the three fields and the reason; a refusal of the
     * whole correction (409) or of data only the office may change (422, whose fields this form has not) in words.
     */
    private Form refused(Form form, ApiResponse r) {
        String words = REFUSALS.get(KantorPages.slug(r));
        if (words != null) {
            form.note(pages.message("help", words));
        }
        ApiProblem problem = r.problem();
        problem.fieldErrors().forEach((field, message) -> {
            if (FIELDS.contains(field) || "reason".equals(field)) {
                form.error(field, message);
            } else if (words == null) {
                form.note(message);
            }
        });
        if (words == null && problem.fieldErrors().isEmpty()) {
            form.problem(problem);
        }
        return form;
    }

    private TemplateInstance page(String id, JsonNode app, JsonNode applicant, Form form) {
        String applicantId = applicant.path("id").asText();
        ApiResponse history = api.get(path(id, applicantId));
        return pages.form(TEMPLATE, form).data("id", id).data("applicant", Pages.map(applicant))
                .data("corrections", history.ok() ? Pages.list(history.json()) : List.of())
                .data("zone", zones.of(app.path("appointment").path("officeCode").asText(null))).data("saved", false);
    }

    /** The applicant of this application with that id (the id is checked against the application's own list). */
    private static JsonNode applicant(JsonNode app, String applicantId) {
        for (JsonNode a : app.path("applicants")) {
            if (a.path("id").asText().equals(applicantId)) {
                return a;
            }
        }
        throw new NotFoundException();
    }

    private static Form current(JsonNode applicant) {
        return Form.empty().with("address", applicant.path("address").asText(""))
                .with("phone", applicant.path("phone").asText(""))
                .with("travelPurpose", applicant.path("questionnaire").path("travelPurpose").asText(""));
    }

    private static String path(String id, String applicantId) {
        return "/applications/" + id + "/applicants/" + ApiClient.q(applicantId) + "/corrections";
    }
}
