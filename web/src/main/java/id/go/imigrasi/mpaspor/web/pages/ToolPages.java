package id.go.imigrasi.mpaspor.web.pages;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import io.quarkus.qute.TemplateInstance;

/**
 * Public tools, no login: the fee calculator. The price list and every quote are the API's ({@code GET /fees},
 * {@code GET /fees/quote}: billing's tariff, the one bills are priced with); this page only shows them. A plain GET
 * form, so it works without JavaScript and a quote can be linked to.
 */
@Path("/fees")
@Produces(MediaType.TEXT_HTML)
public class ToolPages {

    private final Pages pages;
    private final ApiClient api;

    public ToolPages(Pages pages, ApiClient api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    public TemplateInstance fees(@QueryParam("passportKind") String kind, @QueryParam("validityYears") String validity,
            @QueryParam("sameDay") String sameDay) {
        ApiResponse list = api.get("/fees");
        if (!list.ok()) {
            // the price list did not come: the "busy" page, which looks again by itself
            throw new ApiBusy(5);
        }
        Form form = Form.empty().with("passportKind", kind).with("validityYears", validity).with("sameDay", sameDay);
        Map<String, Object> quote = null;
        if (kind != null || validity != null) {
            ApiResponse r = api.get("/fees/quote?passportKind=" + ApiClient.q(kind == null ? "" : kind)
                    + "&validityYears=" + ApiClient.q(validity == null ? "" : validity) + "&sameDay="
                    + "true".equals(sameDay));
            if (r.ok()) {
                quote = Pages.map(r.json());
            } else {
                form.problem(r.problem());
            }
        }
        return pages.form("fees", form).data("fees", Pages.map(list.json())).data("quote", quote);
    }
}
