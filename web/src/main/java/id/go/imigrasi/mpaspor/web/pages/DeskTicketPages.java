package id.go.imigrasi.mpaspor.web.pages;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * The office's helpdesk queue ({@code /kantor/tickets}, issue 22): the tickets of the applications booked at the
 * officer's office in a state (OPEN, waiting for the office, by default), the longest waiting first, each opening
 * the ticket's page ({@link HelpdeskPages}) where the officer answers or closes it. The office is the token's: the
 * API answers an officer with their own office only.
 */
@Path("/kantor/tickets")
@Produces(MediaType.TEXT_HTML)
public class DeskTicketPages {

    static final List<String> STATES = List.of("OPEN", "ANSWERED", "CLOSED");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;

    public DeskTicketPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.zones = zones;
    }

    @GET
    public Object queue(@QueryParam("state") String state) {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.officer()) {
            throw new StaffOnly(Staff.OFFICER);
        }
        String shown = state != null && STATES.contains(state) ? state : "OPEN";
        ApiResponse r = api.get("/applications/tickets?state=" + ApiClient.q(shown));
        if (r.status() == 403) {
            return KantorPages.render(pages.page("kantor/refused").data("staff", staff).data("role", Staff.OFFICER), 403);
        }
        Form form = Form.empty().with("state", shown);
        List<Map<String, Object>> tickets = r.ok() ? Pages.list(r.json()) : List.of();
        if (!r.ok()) {
            form.problem(r.problem());
        }
        return KantorPages.render(pages.form("kantor/tickets", form).data("staff", staff).data("tickets", tickets)
                .data("states", STATES).data("zone", zones.of(staff.officeCode())), r.ok() ? 200 : r.status());
    }
}
