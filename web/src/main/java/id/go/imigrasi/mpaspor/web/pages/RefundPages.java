package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiProblem;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Finance's refund cases in the admin console ({@code /admin/refunds}, issue 22): the cases by state and the day
 * requested, newest first; a REQUESTED case approved (the payout job then pays it back through its channel) or
 * rejected with a reason; and the day's refund report (in WIB, billing's day): the cases requested, approved,
 * rejected and paid that day with their sums, and the payments still to be paid back. Every move and its rules
 * (only a REQUESTED case moves, 409 otherwise; a reason of 1 to 500 characters) are billing-service's; its answer
 * comes back beside the case's reason field or above the list.
 */
@Path("/admin/refunds")
@Produces(MediaType.TEXT_HTML)
public class RefundPages {

    public static final List<String> STATES = List.of("REQUESTED", "APPROVED", "PAID", "REJECTED");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** Billing's reconciliation day is the WIB day. */
    private static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String TEMPLATE = "admin/refunds";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final Clock clock;

    public RefundPages(Pages pages, ApiClient api, Visit visit, Clock clock) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.clock = clock;
    }

    @GET
    public Object list(@QueryParam("state") String state, @QueryParam("date") String date,
            @QueryParam("report") String report, @QueryParam("done") String done) {
        Staff staff = admin();
        Form form = Form.empty().with("state", state != null && STATES.contains(state) ? state : "").with("date", trim(date))
                .with("report", trim(report) == null || trim(report).isEmpty() ? today() : trim(report));
        return KantorPages.render(page(staff, form).data("done",
                "approved".equals(done) ? "admin_done_approved" : "rejected".equals(done) ? "admin_done_rejected" : null),
                form.hasErrors() ? 400 : 200);
    }

    @POST
    @Path("{caseId}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object decide(@PathParam("caseId") String caseId, @PathParam("action") String action,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = admin();
        if (!ID.matcher(caseId).matches() || !"approve".equals(action) && !"reject".equals(action)) {
            throw new NotFoundException();
        }
        // the list the admin was looking at comes back with the answer
        String state = trim(in.getFirst("state"));
        String date = trim(in.getFirst("date"));
        Form form = Form.empty().with("state", state != null && STATES.contains(state) ? state : "")
                .with("date", date != null && DAY.matcher(date).matches() ? date : "").with("report", today())
                .with("reason-" + caseId, trim(in.getFirst("reason")));
        try {
            ApiResponse r = "approve".equals(action) ? api.post("/reconciliation/refunds/" + caseId + "/approve", null)
                    : api.post("/reconciliation/refunds/" + caseId + "/reject",
                            Map.of("reason", form.value("reason-" + caseId)));
            if (r.ok()) {
                return redirect("/admin/refunds?state=" + ApiClient.q(form.value("state")) + "&date="
                        + ApiClient.q(form.value("date")) + "&done=" + ("approve".equals(action) ? "approved" : "rejected"));
            }
            ApiProblem problem = r.problem();
            if (problem.fieldErrors().isEmpty()) {
                // 409 refund-case-state-conflict (already decided), 404 refund-case-not-found: the API's words
                form.problem(problem);
            }
            // the reason's error beside that case's reason field
            problem.fieldErrors().forEach((field, message) -> form.error(field + "-" + caseId, message));
            return KantorPages.render(page(staff, form).data("done", null), r.status());
        } catch (ApiBusy busy) {
            return KantorPages.render(page(staff, form.busy(busy.retryAfterSeconds())).data("done", null), 503);
        }
    }

    private TemplateInstance page(Staff staff, Form form) {
        StringBuilder query = new StringBuilder();
        if (!form.value("state").isEmpty()) {
            query.append("state=").append(ApiClient.q(form.value("state")));
        }
        if (!form.value("date").isEmpty()) {
            query.append(query.isEmpty() ? "" : "&").append("date=").append(ApiClient.q(form.value("date")));
        }
        ApiResponse cases = api.get("/reconciliation/refunds" + (query.isEmpty() ? "" : "?" + query));
        if (!cases.ok()) {
            problem(form, cases.problem(), "date");
        }
        ApiResponse report = api.get("/reconciliation/refund-report?date=" + ApiClient.q(form.value("report")));
        if (!report.ok()) {
            problem(form, report.problem(), "report");
        }
        List<Map<String, Object>> list = cases.ok() ? Pages.list(cases.json()) : List.of();
        // each case's own reason field, so the API's error goes beside the case it was typed for
        list.forEach(c -> c.put("reasonField", "reason-" + c.get("id")));
        return pages.form(TEMPLATE, form).data("staff", staff).data("states", STATES).data("cases", list)
                .data("report", report.ok() ? Pages.map(report.json()) : null);
    }

    /** A query's problem: its {@code date} error beside the field that typed it, the rest above the page. */
    private static void problem(Form form, ApiProblem problem, String dateField) {
        Map<String, String> errors = new LinkedHashMap<>(problem.fieldErrors());
        String date = errors.remove("date");
        if (date != null) {
            form.error(dateField, date);
        }
        errors.forEach(form::error);
        if (problem.fieldErrors().isEmpty()) {
            form.problem(problem);
        }
    }

    private String today() {
        return LocalDate.now(clock.withZone(WIB)).toString();
    }

    private Staff admin() {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.admin()) {
            throw new StaffOnly(Staff.ADMIN);
        }
        return staff;
    }

    private static String trim(String v) {
        return AccountPages.trim(v);
    }
}
