package id.go.imigrasi.mpaspor.web.pages;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
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
 * The admin console ({@code /admin}): the offices; per office its officers (create, disable, move to another
 * office), its capacity rules per session and service, its quota releases with {@code releaseAt}, its closures
 * (holidays, no blank e-passport books); and the audit of who did what and when (account-service's officer
 * changes, quota-service's office changes and, of one office, biometric-service's desk actions: check-in, interview,
 * capture, decisions, issuance, handover, reads of results; through the API). Each change is one form post answered with the
 * office's page; the API checks the admin role and every value.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");
    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    public static final List<String> SERVICES = List.of("REGULAR", "SAME_DAY", "PRIORITY_WALK_IN");
    public static final List<String> SESSIONS = List.of("MORNING", "AFTERNOON");
    public static final List<String> WEEKDAYS = List.of("1", "2", "3", "4", "5", "6", "7");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final StaffTexts texts;

    public AdminPages(Pages pages, ApiClient api, Visit visit, StaffTexts texts) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.texts = texts;
    }

    @GET
    public Object home() {
        Staff staff = admin();
        return home(staff, Form.empty(), 200);
    }

    @GET
    @Path("offices/{code}")
    public Object office(@PathParam("code") String code) {
        Staff staff = admin();
        return officePage(staff, officeCode(code), Form.empty(), null, 200);
    }

    @GET
    @Path("audit")
    public Object audit(@QueryParam("office") String office) {
        Staff staff = admin();
        String code = office == null || office.isBlank() ? null : officeCode(office);
        List<Map<String, Object>> entries = new ArrayList<>();
        ApiResponse accounts = api.get("/admin/audit?limit=200" + (code == null ? "" : "&officeCode=" + code));
        if (accounts.ok()) {
            for (Map<String, Object> e : Pages.list(accounts.json())) {
                e.put("source", "account");
                entries.add(e);
            }
        }
        if (code != null) {
            ApiResponse quota = api.get("/admin/offices/" + code + "/audit?limit=200");
            if (quota.ok()) {
                for (Map<String, Object> e : Pages.list(quota.json())) {
                    e.put("source", "quota");
                    e.put("subjectId", "");
                    entries.add(e);
                }
            }
            ApiResponse desk = api.get("/admin/offices/" + code + "/desk-audit?limit=200");
            if (desk.ok()) {
                for (Map<String, Object> e : Pages.list(desk.json())) {
                    e.put("source", "biometric");
                    e.put("subjectId", e.getOrDefault("appointmentId", ""));
                    entries.add(e);
                }
            }
        }
        // newest first; the sort is stable, so one source's entries of the same instant keep that source's order
        entries.sort(Comparator.comparing((Map<String, Object> e) -> instant(e.get("at"))).reversed());
        return KantorPages.render(pages.page("admin/audit").data("staff", staff).data("entries", entries)
                .data("office", code == null ? "" : code).data("offices", offices()), 200);
    }

    @POST
    @Path("offices/{code}/{action}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object change(@PathParam("code") String code, @PathParam("action") String action,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = admin();
        String office = officeCode(code);
        Form form = typed(in);
        String base = "/admin/offices/" + office;
        try {
            ApiResponse r;
            switch (action) {
                case "officers" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    for (String f : List.of("name", "email", "phone", "password")) {
                        put(body, f, form, "officer-" + f);
                    }
                    body.put("officeCode", office);
                    r = api.post("/admin/officers", body);
                }
                case "disable", "move" -> {
                    String id = form.value("officer-id");
                    if (!ID.matcher(id).matches()) {
                        throw new NotFoundException();
                    }
                    r = "disable".equals(action) ? api.post("/admin/officers/" + id + "/disable", null)
                            : api.post("/admin/officers/" + id + "/move", Map.of("officeCode", form.value("move-to")));
                }
                case "rules" -> r = api.put(base + "/rules", Map.of("rules", rules(in, form)));
                case "releases" -> {
                    String at = releaseAt(form, office);
                    if (at == null) {
                        form.error("releases-at", texts.text("release_at_invalid"));
                        return officePage(staff, office, form, null, 400);
                    }
                    Map<String, Object> body = new LinkedHashMap<>();
                    put(body, "from", form, "releases-from");
                    put(body, "to", form, "releases-to");
                    body.put("releaseAt", at);
                    r = api.post(base + "/releases", body);
                }
                case "closures" -> {
                    Map<String, Object> body = new LinkedHashMap<>();
                    put(body, "date", form, "closures-date");
                    put(body, "scope", form, "closures-scope");
                    put(body, "reason", form, "closures-reason");
                    r = api.post(base + "/closures", body);
                }
                case "reopen" -> {
                    String date = form.value("reopen-date");
                    String scope = form.value("reopen-scope");
                    if (!date.matches("\\d{4}-\\d{2}-\\d{2}") || !scope.matches("ALL|E_PASSPORT")) {
                        throw new NotFoundException();
                    }
                    r = api.delete(base + "/closures/" + date + "?scope=" + scope);
                }
                default -> throw new NotFoundException();
            }
            if (r.ok()) {
                return officePage(staff, office, Form.empty(), "done_" + action, 200);
            }
            String prefix = "disable".equals(action) || "move".equals(action) ? "move"
                    : "officers".equals(action) ? "officer" : action;
            ApiProblem problem = r.problem();
            if (problem.fieldErrors().isEmpty() || "rules".equals(action)) {
                form.problem(new ApiProblem(problem.status(), problem.title(), problem.detail() == null
                        ? String.join("; ", problem.fieldErrors().values()) : problem.detail(), Map.of()));
            } else {
                problem.fieldErrors().forEach((field, message) -> form.error(prefix + "-" + field, message));
            }
            return officePage(staff, office, form, null, r.status());
        } catch (ApiBusy busy) {
            return officePage(staff, office, form.busy(busy.retryAfterSeconds()), null, 503);
        }
    }

    // ---- pages ----

    private Object home(Staff staff, Form form, int status) {
        TemplateInstance page = pages.form("admin/home", form).data("staff", staff).data("offices", offices());
        return KantorPages.render(page, status);
    }

    private Object officePage(Staff staff, String code, Form form, String done, int status) {
        Map<String, Object> office = null;
        List<Map<String, Object>> all = offices();
        for (Map<String, Object> o : all) {
            if (code.equals(o.get("code"))) {
                office = o;
            }
        }
        if (office == null) {
            throw new NotFoundException();
        }
        String zone = Formats.zoneName(office.get("timeZone"));
        List<Map<String, Object>> officers = listOf("/admin/officers?officeCode=" + code);
        ApiResponse rulesAnswer = api.get("/admin/offices/" + code + "/rules");
        List<Map<String, Object>> rules = rulesAnswer.ok() ? Pages.list(rulesAnswer.json().path("rules")) : List.of();
        List<Map<String, Object>> releases = listOf("/admin/offices/" + code + "/releases");
        List<Map<String, Object>> closures = listOf("/admin/offices/" + code + "/closures?from="
                + LocalDate.now(Formats.zone(zone)).minusDays(30));
        TemplateInstance page = pages.form("admin/office", form).data("staff", staff).data("office", office)
                .data("zone", zone).data("officers", officers).data("rules", rules).data("releases", releases)
                .data("closures", closures).data("offices", all).data("done", done == null ? "" : done)
                .data("services", SERVICES).data("sessions", SESSIONS).data("weekdays", WEEKDAYS);
        return KantorPages.render(page, status);
    }

    private List<Map<String, Object>> offices() {
        ApiResponse r = api.get("/offices");
        return r.ok() ? Pages.list(r.json()) : List.of();
    }

    private List<Map<String, Object>> listOf(String path) {
        ApiResponse r = api.get(path);
        return r.ok() ? Pages.list(r.json()) : List.of();
    }

    /** The rules form: one capacity per service and session, for each weekday ticked. */
    private static List<Map<String, Object>> rules(MultivaluedMap<String, String> in, Form form) {
        List<String> days = in.get("rules-weekday") == null ? List.of() : in.get("rules-weekday");
        List<Map<String, Object>> rules = new ArrayList<>();
        for (String day : days) {
            if (!WEEKDAYS.contains(day)) {
                continue;
            }
            for (String service : SERVICES) {
                for (String session : SESSIONS) {
                    String capacity = form.value("rules-" + service + "-" + session);
                    if (!capacity.isEmpty()) {
                        rules.add(Map.of("weekday", Integer.valueOf(day), "service", service, "session", session,
                                "capacity", capacity.matches("\\d{1,9}") ? Integer.valueOf(capacity) : capacity));
                    }
                }
            }
        }
        return rules;
    }

    /** {@code releaseAt} as typed (date and time in the office's zone) to an instant, or null. */
    private static String releaseAt(Form form, String office) {
        try {
            LocalDateTime local = LocalDateTime.parse(form.value("releases-at"));
            return local.atZone(Formats.zone(form.value("releases-zone").isEmpty() ? Formats.DEFAULT_ZONE
                    : form.value("releases-zone"))).toInstant().toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private Staff admin() {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.admin()) {
            throw new StaffOnly(Staff.ADMIN);
        }
        return staff;
    }

    private static String officeCode(String code) {
        if (code == null || !OFFICE.matcher(code).matches()) {
            throw new NotFoundException();
        }
        return code;
    }

    private static Form typed(MultivaluedMap<String, String> in) {
        Form form = Form.empty();
        in.forEach((k, v) -> {
            if (!"csrf".equals(k) && !v.isEmpty() && !k.endsWith("password")) {
                form.with(k, AccountPages.trim(v.get(0)));
            }
        });
        if (in.getFirst("officer-password") != null) {
            form.values().put("officer-password", in.getFirst("officer-password"));
        }
        return form;
    }

    private static void put(Map<String, Object> body, String apiField, Form form, String field) {
        String v = form.value(field);
        if (!v.isEmpty()) {
            body.put(apiField, v);
        }
    }

    /** An entry's time, whatever the precision a service wrote it with (so "…:00Z" and "…:00.5Z" sort right). */
    private static java.time.Instant instant(Object at) {
        try {
            return java.time.Instant.parse(String.valueOf(at));
        } catch (DateTimeParseException e) {
            return java.time.Instant.EPOCH;
        }
    }
}
