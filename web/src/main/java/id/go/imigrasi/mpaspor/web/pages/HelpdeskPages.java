package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;
import static id.go.imigrasi.mpaspor.web.pages.ApplicationPages.checkId;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

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
import jakarta.ws.rs.core.Response;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Helpdesk tickets about one application (issue 22): the applicant opens one (what about, a subject, the first
 * message), and the ticket's page shows the conversation with a reply form and a button to close it. The same page
 * serves the office: an officer of the office the application is booked at (from {@code /kantor/tickets}) answers
 * or closes there. Who may read, write and close is the API's decision (someone else's application or another
 * office's is "not found" there, and here); a closed ticket's reopening window is the API's too, its 409 comes back
 * in the API's words above the form. Works without JavaScript.
 */
@Path("/applications/{id}/tickets")
@Produces(MediaType.TEXT_HTML)
public class HelpdeskPages {

    /** The API's ticket categories ({@code TicketRequest.category}), in the order the form offers them. */
    public static final List<String> CATEGORIES = List.of("PAYMENT", "DOCUMENT", "APPOINTMENT", "DATA_CORRECTION",
            "PASSPORT_DELIVERY", "OTHER");
    private static final String NEW = "help/ticket-new";
    private static final String TICKET = "help/ticket";

    private final Pages pages;
    private final ApiClient api;
    private final Visit visit;
    private final OfficeZones zones;

    public HelpdeskPages(Pages pages, ApiClient api, Visit visit, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.visit = visit;
        this.zones = zones;
    }

    @GET
    @Path("new")
    public TemplateInstance newTicket(@PathParam("id") String id, @QueryParam("category") String category) {
        visit.requireLogin();
        checkId(id);
        return newPage(id, Form.empty().with("category", category != null && CATEGORIES.contains(category) ? category : null));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object open(@PathParam("id") String id, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        checkId(id);
        Form form = AccountPages.typed(in, "category", "subject", "message");
        return submit(form, f -> newPage(id, f), () -> {
            ApiResponse r = api.post("/applications/" + id + "/tickets", body(form, "category", "subject", "message"));
            if (r.status() == 201) {
                return redirect("/applications/" + id + "/tickets/" + r.json().path("id").asText() + "?opened=1");
            }
            if (r.status() == 404) {
                throw new NotFoundException();
            }
            return rendered(newPage(id, form.problem(r.problem())), r.status());
        });
    }

    @GET
    @Path("{ticketId}")
    public TemplateInstance ticket(@PathParam("id") String id, @PathParam("ticketId") String ticketId,
            @QueryParam("opened") String opened, @QueryParam("sent") String sent,
            @QueryParam("closed") String closed) {
        visit.requireLogin();
        TemplateInstance page = ticketPage(id, ticketId, Form.empty());
        return page.data("done", opened != null ? "ticket_opened" : sent != null ? "ticket_sent"
                : closed != null ? "ticket_closed_now" : null);
    }

    /** The applicant's reply, or the office's answer: which it is, and whether it may be written now, the API says. */
    @POST
    @Path("{ticketId}/messages")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object reply(@PathParam("id") String id, @PathParam("ticketId") String ticketId,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form form = AccountPages.typed(in, "message");
        return submit(form, f -> ticketPage(id, ticketId, f), () -> {
            ApiResponse r = api.post(ticketPath(id, ticketId) + "/messages", body(form, "message"));
            if (r.ok()) {
                return redirect("/applications/" + id + "/tickets/" + ticketId + "?sent=1#messages");
            }
            return rendered(ticketPage(id, ticketId, form.problem(r.problem())), r.status());
        });
    }

    @POST
    @Path("{ticketId}/closure")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object close(@PathParam("id") String id, @PathParam("ticketId") String ticketId,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        Form form = Form.empty();
        return submit(form, f -> ticketPage(id, ticketId, f), () -> {
            ApiResponse r = api.post(ticketPath(id, ticketId) + "/closure", null);
            if (r.ok()) {
                return redirect("/applications/" + id + "/tickets/" + ticketId + "?closed=1");
            }
            return rendered(ticketPage(id, ticketId, form.problem(r.problem())), r.status());
        });
    }

    // ---- helpers ----

    private TemplateInstance newPage(String id, Form form) {
        return pages.form(NEW, form).data("id", id).data("categories", CATEGORIES);
    }

    private TemplateInstance ticketPage(String id, String ticketId, Form form) {
        ApiResponse r = api.get(ticketPath(id, ticketId));
        if (!r.ok()) {
            // another applicant's ticket, or another office's, is "not found" at the API: the same here
            throw new NotFoundException();
        }
        Staff staff = Staff.of(visit.session());
        boolean desk = staff.officer() || staff.admin();
        return pages.form(TICKET, form).data("id", id).data("ticket", Pages.map(r.json())).data("staff", staff)
                .data("desk", desk).data("zone", desk ? zones.of(staff.officeCode()) : zones.of(officeOf(id)))
                .data("done", null);
    }

    /** The office the application is booked at (its times are written in that office's zone), or null. */
    private String officeOf(String id) {
        ApiResponse app = api.get("/applications/" + id);
        return app.ok() ? app.json().path("appointment").path("officeCode").asText(null) : null;
    }

    private static String ticketPath(String id, String ticketId) {
        checkId(id);
        checkId(ticketId);
        return "/applications/" + id + "/tickets/" + ticketId;
    }

    /** The fields typed, for the API (an empty field is sent empty: the API's message says what it wants). */
    static Map<String, String> body(Form form, String... names) {
        Map<String, String> body = new LinkedHashMap<>();
        for (String n : names) {
            body.put(n, form.value(n));
        }
        return body;
    }

    /**
     * Runs a form's API call; when the API is busy (429/503 with Retry-After, or no answer), the page again with
     * what was typed and a countdown, sent again by itself ({@code AccountPages.submit}, with the page's own data).
     */
    static Object submit(Form form, Function<Form, TemplateInstance> page, Supplier<Object> call) {
        try {
            return call.get();
        } catch (ApiBusy busy) {
            return Response.status(503).header("Retry-After", busy.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(page.apply(form.busy(busy.retryAfterSeconds())).render()).build();
        }
    }

    /** A page answering a refused form with the API's status (400, 409, 422), so a client sees it was refused. */
    static Response rendered(TemplateInstance page, int status) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }
}
