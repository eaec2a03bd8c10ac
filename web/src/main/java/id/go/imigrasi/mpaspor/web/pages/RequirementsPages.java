package id.go.imigrasi.mpaspor.web.pages;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import io.quarkus.qute.TemplateInstance;

/**
 * The document advisor, no login: which documents a kind of applicant needs, the API's answer
 * ({@code GET /document-requirements}: the matrix the application's checklist and its submission are held to) and
 * nothing of the website's own. A plain GET form, so it works without JavaScript and an answer can be linked to;
 * the first visit shows the commonest case (a new passport for an adult).
 */
@Path("/requirements")
@Produces(MediaType.TEXT_HTML)
public class RequirementsPages {

    static final String DEFAULT_TYPE = "NEW";

    /** The kinds of application the API knows, in the order a person thinks of them (lost/damaged: at the office). */
    static final List<String> TYPES = List.of("NEW", "RENEWAL", "NAME_CHANGE", "LOST", "DAMAGED");

    private final Pages pages;
    private final ApiClient api;

    public RequirementsPages(Pages pages, ApiClient api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    public TemplateInstance requirements(@QueryParam("applicationType") String type,
            @QueryParam("minor") String minor) {
        String asked = type == null ? DEFAULT_TYPE : type;
        String who = minor == null ? "false" : minor;
        Form form = Form.empty().with("applicationType", asked).with("minor", who);
        ApiResponse r = api.get("/document-requirements?applicationType=" + ApiClient.q(asked) + "&minor="
                + ApiClient.q(who));
        Map<String, Object> advice = null;
        if (r.ok()) {
            advice = Pages.map(r.json());
        } else if (r.status() == 400) {
            form.problem(r.problem());
        } else {
            // (a shed answer or none already became the busy page in ApiClient) any other: the busy page too
            throw new ApiBusy(5);
        }
        TemplateInstance page = pages.form("requirements", form).data("advice", advice).data("types", TYPES);
        if (advice != null) {
            JsonNode limits = r.json().path("limits");
            List<String> fileTypes = new ArrayList<>();
            limits.path("acceptedTypes").forEach(t -> fileTypes.add(
                    t.asText().substring(t.asText().indexOf('/') + 1).toUpperCase(Locale.ROOT)));
            page.data("fileTypes", String.join(", ", fileTypes))
                    .data("maxMb", BigDecimal.valueOf(limits.path("maxBytes").asLong())
                            .divide(BigDecimal.valueOf(1024 * 1024), 1, RoundingMode.HALF_UP).stripTrailingZeros()
                            .toPlainString());
        }
        return page;
    }
}
