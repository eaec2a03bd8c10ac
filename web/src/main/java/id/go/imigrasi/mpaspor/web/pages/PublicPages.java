package id.go.imigrasi.mpaspor.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import io.quarkus.qute.TemplateInstance;

/** Pages anyone may read: the office finder and each office's quota calendar. */
@Path("/offices")
@Produces(MediaType.TEXT_HTML)
public class PublicPages {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,3}(\\.\\d{1,8})?");
    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");

    private final Pages pages;
    private final ApiClient api;

    public PublicPages(Pages pages, ApiClient api) {
        this.pages = pages;
        this.api = api;
    }

    @GET
    public TemplateInstance finder(@QueryParam("lat") String lat, @QueryParam("lon") String lon,
            @QueryParam("city") String city) {
        return pages.page("office").data("offices", offices(api, lat, lon, city)).data("city", city == null ? "" : city)
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
        return pages.page("calendar").data("office", Pages.map(office.json())).data("days", days(calendar.json(), 1));
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
