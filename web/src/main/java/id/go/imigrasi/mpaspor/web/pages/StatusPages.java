package id.go.imigrasi.mpaspor.web.pages;

import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * The status check without login (issue 22): the application number, one applicant's NIK and birth date, and the
 * API's answer ({@code POST /application-status}): the state, nothing else. A POST form, so the NIK never sits in an
 * address or the browser's history; a mismatch shows the API's one "not found" beside the form, a 429 from the
 * gateway's bucket the polite busy page with its wait.
 */
@Path("/status")
@Produces(MediaType.TEXT_HTML)
public class StatusPages {

    private static final String[] FIELDS = { "applicationId", "nik", "birthDay", "birthMonth", "birthYear" };

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;

    public StatusPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.zones = zones;
    }

    @GET
    public TemplateInstance form() {
        return pages.form("status", Form.empty());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object check(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Form form = AccountPages.typed(in, FIELDS);
        Map<String, String> body = AccountPages.fields(in, "applicationId");
        body.put("nik", form.value("nik").replaceAll("\\s", ""));
        String birthDate = ApplicationPages.birthDate(form);
        if (birthDate != null) {
            body.put("birthDate", birthDate);
        }
        return AccountPages.submit(pages, "status", form, () -> {
            ApiResponse r = api.postAnonymous("/application-status", body);
            if (r.ok()) {
                // no office is told: the time in WIB, the zone of most offices
                return pages.form("status", form).data("state", Pages.map(r.json())).data("zone", zones.of(null));
            }
            return pages.form("status", form.problem(r.problem()));
        });
    }
}
