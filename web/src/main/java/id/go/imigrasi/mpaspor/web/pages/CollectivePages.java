package id.go.imigrasi.mpaspor.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
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

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * The collective service at the desk ({@code /kantor/collective}, issue 19): the officer registers a group for a visit
 * of their office (the organisation, its coordinator, the visit, and the members typed or pasted one per line), then
 * follows the group's state. The API decides everything (who may, every field, Dukcapil, the walk-in places); the
 * page only turns the lines into the API's members and its field errors ({@code applicants[3].nik}) back into lines.
 */
@Path("/kantor/collective")
@Produces(MediaType.TEXT_HTML)
public class CollectivePages {

    private static final Pattern ID = Pattern.compile("[0-9a-fA-F-]{36}");
    private static final Pattern MEMBER_FIELD = Pattern.compile("applicants\\[(\\d+)]\\.(.+)");
    /** The columns of a member's line, in order. */
    static final List<String> COLUMNS = List.of("fullName", "nik", "birthDate", "sex", "birthPlace", "motherName",
            "address", "phone");
    private static final List<String> FIELDS = List.of("organisation", "contactName", "contactEmail", "contactPhone",
            "date", "session", "passportKind", "validityYears", "travelPurpose", "authority", "members", "key");

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final StaffTexts texts;

    public CollectivePages(Pages pages, ApiClient api, Visit visit, StaffTexts texts) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.texts = texts;
    }

    @GET
    public Object form() {
        Staff staff = officer();
        Form form = Form.empty().with("session", "MORNING").with("passportKind", "ELECTRONIC")
                .with("validityYears", "10").with("authority", "AUTHORISED").with("key", UUID.randomUUID().toString());
        return formPage(staff, form, List.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object register(MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        Staff staff = officer();
        Form form = AccountPages.typed(in, FIELDS.toArray(String[]::new));
        List<String> lines = lines(form.value("members"));
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("name", blankToNull(form.value("contactName")));
        contact.put("email", blankToNull(form.value("contactEmail")));
        contact.put("phone", blankToNull(form.value("contactPhone")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("organisation", blankToNull(form.value("organisation")));
        body.put("contact", contact);
        body.put("date", blankToNull(form.value("date")));
        body.put("session", blankToNull(form.value("session")));
        body.put("passportKind", blankToNull(form.value("passportKind")));
        List<Map<String, Object>> applicants = new ArrayList<>();
        for (String line : lines) {
            applicants.add(member(line, form));
        }
        body.put("applicants", applicants);
        String key = form.value("key").isEmpty() ? UUID.randomUUID().toString() : form.value("key");
        try {
            ApiResponse r = api.post("/office/collective-batches", body, Map.of("Idempotency-Key", key));
            if (r.ok()) {
                String id = r.json().path("id").asText();
                return AccountPages.redirect("/kantor/collective/" + id);
            }
            if (r.status() == 403) {
                return KantorPages.render(pages.page("kantor/refused").data("staff", staff), 403);
            }
            List<String> memberErrors = new ArrayList<>();
            boolean fields = false;
            for (JsonNode error : r.json().path("errors")) {
                String field = error.path("field").asText("");
                String message = error.path("message").asText("");
                Matcher m = MEMBER_FIELD.matcher(field);
                if (m.matches()) {
                    int line = Integer.parseInt(m.group(1)) + 1;
                    memberErrors.add(texts.desk("collective_line") + " " + line + " (" + label(m.group(2), lines,
                            line) + "): " + message);
                } else {
                    form.error(formField(field), message);
                }
                fields = true;
            }
            if (!memberErrors.isEmpty()) {
                form.error("members", texts.desk("collective_members_errors") + " " + String.join("; ", memberErrors));
            }
            if (!fields) {
                form.problem(r.problem());
            }
            return formPage(staff, form, memberErrors, r.status());
        } catch (ApiBusy busy) {
            return formPage(staff, form.busy(busy.retryAfterSeconds()), List.of(), 503);
        }
    }

    @GET
    @Path("{id}")
    public Object batch(@PathParam("id") String id) {
        Staff staff = officer();
        if (!ID.matcher(id).matches()) {
            throw new NotFoundException();
        }
        ApiResponse r = api.get("/office/collective-batches/" + id);
        if (r.status() == 403) {
            return KantorPages.render(pages.page("kantor/refused").data("staff", staff), 403);
        }
        if (!r.ok()) {
            // another office's group (404) or none: nothing of it on the page
            throw new NotFoundException();
        }
        return KantorPages.render(pages.page("kantor/collective-batch").data("staff", staff)
                .data("b", Pages.map(r.json())), 200);
    }

    private Object formPage(Staff staff, Form form, List<String> memberErrors, int status) {
        return KantorPages.render(pages.form("kantor/collective", form).data("staff", staff)
                .data("memberErrors", memberErrors), status);
    }

    /** One line as the API's applicant: the columns, and what the form says for everyone. */
    private static Map<String, Object> member(String line, Form form) {
        String[] cells = line.split(line.contains("\t") ? "\t" : ";", -1);
        Map<String, Object> person = new LinkedHashMap<>();
        for (int i = 0; i < COLUMNS.size(); i++) {
            String cell = i < cells.length ? cells[i].trim() : "";
            person.put(COLUMNS.get(i), cell.isEmpty() ? null : cell);
        }
        // the usual letters of a spreadsheet's sex column
        Object sex = person.get("sex");
        if (sex != null) {
            switch (sex.toString().toUpperCase()) {
                case "L", "M", "LAKI-LAKI" -> person.put("sex", "MALE");
                case "P", "F", "PEREMPUAN" -> person.put("sex", "FEMALE");
                default -> { }
            }
        }
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("applicationType", "NEW");
        q.put("passportKind", blankToNull(form.value("passportKind")));
        String validity = form.value("validityYears");
        q.put("validityYears", validity.matches("\\d{1,2}") ? (Object) Integer.valueOf(validity) : null);
        q.put("sameDayService", false);
        q.put("travelPurpose", blankToNull(form.value("travelPurpose")));
        person.put("questionnaire", q);
        person.put("authority", blankToNull(form.value("authority")));
        return person;
    }

    /** The column's name for a member's field, else the field as the API names it. */
    private String label(String field, List<String> lines, int line) {
        String name = "";
        if (line - 1 < lines.size()) {
            String[] cells = lines.get(line - 1).split(lines.get(line - 1).contains("\t") ? "\t" : ";", -1);
            name = cells.length > 0 ? cells[0].trim() : "";
        }
        return (name.isEmpty() ? "" : name + ", ") + field;
    }

    /** The page's field of an API field outside the members. */
    private static String formField(String apiField) {
        return switch (apiField) {
            case "contact.name" -> "contactName";
            case "contact.email" -> "contactEmail";
            case "contact.phone" -> "contactPhone";
            case "applicants" -> "members";
            case "Idempotency-Key" -> "key";
            default -> apiField.isEmpty() ? "members" : apiField;
        };
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String line : text.split("\\r?\\n")) {
            if (!line.isBlank()) {
                out.add(line);
            }
        }
        return out;
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v;
    }

    private Staff officer() {
        visit.requireLogin();
        Staff staff = Staff.of(visit.session());
        if (!staff.officer()) {
            throw new StaffOnly(Staff.OFFICER);
        }
        return staff;
    }
}
