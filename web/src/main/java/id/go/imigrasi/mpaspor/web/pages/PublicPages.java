package id.go.imigrasi.mpaspor.web.pages;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;

/**
 * Pages anyone may read: the office finder (each office with its week in one line, open now or not, its services)
 * and each office's page (its week as a table, open now or not in its own zone, its services, its quota calendar).
 */
@Path("/offices")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(\\.\\d{1,8})?");
    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");

    private final Pages pages;
    private final ApiClient api;
    private final Clock clock;
    private final Visit visit;

    public PublicPages(Pages pages, ApiClient api, Clock clock, Visit visit) {
        this.pages = pages;
        this.api = api;
        this.clock = clock;
        this.visit = visit;
    }

    @GET
    public TemplateInstance finder(@QueryParam("lat") String lat, @QueryParam("lon") String lon,
            @QueryParam("city") String city) {
        Instant now = clock.instant();
        List<Map<String, Object>> offices = offices(api, lat, lon, city);
        offices.forEach(o -> withHours(o, now));
        return pages.page("office").data("offices", offices).data("city", city == null ? "" : city)
                .data("mode", "find").data("id", null);
    }

    @GET
    @Path("{code}")
    public TemplateInstance calendar(@PathParam("code") String code) {
        if (code == null || !OFFICE.matcher(code).matches()) {
            throw new NotFoundException();
        }
        ApiResponse office = api.get("/offices/" + code);
        ApiResponse calendar = api.get("/offices/" + code + "/calendar");
        if (!office.ok() || !calendar.ok()) {
            throw new NotFoundException();
        }
        return pages.page("calendar").data("office", withHours(Pages.map(office.json()), clock.instant()))
                .data("days", days(calendar.json(), 1)).data("subscribed", subscribed(code));
    }

    /**
     * "Tell me when this office releases quota" (issue 22): {@code action=subscribe} asks quota-service to mail the
     * visitor at every release of this office (in the visitor's language), {@code action=stop} ends it; back to the
     * office's page, which says where the visitor stands.
     */
    @POST
    @Path("{code}/subscription")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response subscription(@PathParam("code") String code, MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        if (code == null || !OFFICE.matcher(code).matches()) {
            throw new NotFoundException();
        }
        boolean stop = "stop".equals(in.getFirst("action"));
        ApiResponse r = stop ? api.delete("/offices/" + code + "/release-subscription")
                : api.put("/offices/" + code + "/release-subscription", Map.of());
        if (r.shed()) {
            return Response.status(503).header("Retry-After", r.retryAfterSeconds()).build();
        }
        if (!r.ok()) {
            throw new NotFoundException();
        }
        return AccountPages.redirect("/offices/" + code + "#subscription");
    }

    /** Whether the logged-in visitor is told of this office's releases; null for a visitor without a login. */
    private Boolean subscribed(String code) {
        if (!visit.loggedIn()) {
            return null;
        }
        ApiResponse mine = api.get("/release-subscriptions");
        return mine.ok() && Pages.list(mine.json()).stream()
                .anyMatch(s -> code.equals(s.get("officeCode")));
    }

    /** Nearest first when the visitor shared a location; else every office, those of the typed city first. */
    static List<Map<String, Object>> offices(ApiClient api, String lat, String lon, String city) {
        String query = "";
        if (lat != null && lon != null && NUMBER.matcher(lat).matches() && NUMBER.matcher(lon).matches()) {
            query = "?lat=" + lat + "&lon=" + lon;
        }
        ApiResponse r = api.get("/offices" + query);
        if (!r.ok()) {
            return List.of();
        }
        List<Map<String, Object>> all = Pages.list(r.json());
        if (city != null && !city.isBlank()) {
            String wanted = city.trim().toLowerCase(Locale.ROOT);
            List<Map<String, Object>> matching = new ArrayList<>(all.stream()
                    .filter(o -> String.valueOf(o.get("city")).toLowerCase(Locale.ROOT).contains(wanted)
                            || String.valueOf(o.get("name")).toLowerCase(Locale.ROOT).contains(wanted))
                    .toList());
            all.stream().filter(o -> !matching.contains(o)).forEach(matching::add);
            return matching;
        }
        return all;
    }

    /**
     * Adds to an office of the API what its pages show of its hours, all in the office's zone: {@code zone} (WIB,
     * WITA, WIT), {@code week} (seven rows, Monday first), {@code hoursKnown} (the API gave hours), {@code openNow},
     * {@code today} (ISO weekday), {@code now} and {@code servicesKnown} (the API gave its services, perhaps none);
     * {@code hours} and {@code services} are empty lists when the API gave none. The rules stay the API's: this
     * only reads its answer against the clock.
     */
    static Map<String, Object> withHours(Map<String, Object> office, Instant now) {
        if (!(office.get("hours") instanceof List<?>)) {
            office.put("hours", List.of());
        }
        office.put("servicesKnown", office.get("services") instanceof List<?>);
        if (!(office.get("services") instanceof List<?>)) {
            office.put("services", List.of());
        }
        String zone = Formats.zoneName(office.get("timeZone"));
        office.put("zone", zone);
        office.put("week", Formats.week(office.get("hours")));
        office.put("hoursKnown", !((List<?>) office.get("hours")).isEmpty());
        office.put("openNow", Formats.openAt(office.get("hours"), zone, now));
        office.put("today", Formats.weekdayAt(now, zone));
        office.put("now", now.toString());
        return office;
    }

    /** The calendar's days, each session with whether {@code places} places can still be held. */
    static List<Map<String, Object>> days(JsonNode calendar, int places) {
        List<Map<String, Object>> days = new ArrayList<>();
        for (JsonNode day : calendar.path("days")) {
            List<Map<String, Object>> sessions = new ArrayList<>();
            boolean any = false;
            for (JsonNode s : day.path("sessions")) {
                Map<String, Object> session = new LinkedHashMap<>();
                session.put("session", s.path("session").asText());
                session.put("remaining", s.path("remaining").asInt());
                session.put("status", s.path("status").asText());
                boolean open = "AVAILABLE".equals(s.path("status").asText()) && s.path("remaining").asInt() >= places;
                session.put("open", open);
                session.put("value", day.path("date").asText() + "|" + s.path("session").asText());
                any |= open;
                sessions.add(session);
            }
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("date", day.path("date").asText());
            d.put("sessions", sessions);
            d.put("open", any);
            days.add(d);
        }
        return days;
    }
}
