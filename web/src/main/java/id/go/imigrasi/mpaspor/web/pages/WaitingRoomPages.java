package id.go.imigrasi.mpaspor.web.pages;

import static id.go.imigrasi.mpaspor.web.pages.AccountPages.redirect;

import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestStreamElementType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.api.ApiClient;
import id.go.imigrasi.mpaspor.web.api.ApiResponse;
import id.go.imigrasi.mpaspor.web.api.ApiTransport;
import id.go.imigrasi.mpaspor.web.session.Session;
import id.go.imigrasi.mpaspor.web.session.Visit;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The waiting room of a quota release (issue 17), as an applicant meets it on the way to the hold: join with the
 * ALTCHA proof of work (solved by the widget in the browser, or by hand without JavaScript), see the position, how
 * many are ahead and the estimated wait, and once admitted continue to the slot form with a hold pass.
 * <p>
 * The signed ticket stays on the server side, in the sealed session cookie ({@code wr:<releaseId>}), never in the
 * page: coming back finds the same place, and a pre-queue ticket is swapped for its shuffled one on the first check.
 * The hold pass is kept per office ({@code pass:<office>}: release, expiry, pass) and sent by the slot form's
 * {@code POST /holds} as {@code Hold-Pass}.
 * <p>
 * Updates: the page's script listens to {@code .../events} here, which relays the API's Server-Sent Events (with the
 * ticket the browser never sees) as rendered status fragments; when the stream fails it polls {@code .../status} as
 * its {@code Retry-After} says. Without JavaScript the page reloads itself after Retry-After.
 */
@Path("/applications/{id}/waiting-room/{releaseId}")
@Produces(MediaType.TEXT_HTML)
public class WaitingRoomPages {

    static final Pattern RELEASE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern OFFICE = Pattern.compile("[A-Z0-9]{2,12}");
    private static final Pattern NUMBER = Pattern.compile("\\d{1,12}");
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern EXPIRES = Pattern.compile("[?&]expires=(\\d{1,12})(?:&|$)");
    private static final Pattern SALT = Pattern.compile("[0-9A-Za-z?&=._-]{1,200}");
    private static final String TICKET = "Waiting-Room-Ticket";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Pages pages;
    private final ApiClient api;
    private final ApiTransport transport;
    private final Visit visit;
    private final ApplicationPages applications;
    private final OfficeZones zones;

    public WaitingRoomPages(Pages pages, ApiClient api, ApiTransport transport, Visit visit,
            ApplicationPages applications, OfficeZones zones) {
        this.pages = pages;
        this.api = api;
        this.transport = transport;
        this.visit = visit;
        this.applications = applications;
        this.zones = zones;
    }

    /** Where the person stands: join form, pre-queue, position, sold out, closed; admitted goes on to the slots. */
    @GET
    public Object room(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        visit.requireLogin();
        check(releaseId);
        applications.load(id);
        Checked checked = check(releaseId, true);
        JsonNode status = checked.status();
        if (checked.joined() && "ADMITTED".equals(status.path("state").asText())) {
            Optional<Response> onward = takePass(id, releaseId, status);
            if (onward.isPresent()) {
                return onward.get();
            }
            status = check(releaseId, true).status();
        }
        return page(id, releaseId, status, checked, Form.empty());
    }

    /** The status alone (the script's polling when Server-Sent Events fail), with Retry-After. */
    @GET
    @Path("status")
    public Response status(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        visit.requireLogin();
        check(releaseId);
        ApplicationPages.checkId(id);
        Checked checked = check(releaseId, false);
        String html = statusPart(id, releaseId, checked.status(), checked.joined(), visit.language(),
                zones.of(checked.status().path("officeCode").asText(null))).render();
        long retry = retryAfter(checked.status());
        return Response.ok(html, MediaType.TEXT_HTML_TYPE).header("Retry-After", retry)
                .header("Cache-Control", "no-store").build();
    }

    /**
     * Joins with the widget's payload ({@code altcha}), the puzzle solved by hand (the challenge's fields and N), or
     * ({@code again}) the solution of a join that was shed: kept in the session while it is valid, so the busy page's
     * retry joins with it and nobody solves a new puzzle, nor asks for one, each time the crowd pushes them back.
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Object join(@PathParam("id") String id, @PathParam("releaseId") String releaseId,
            MultivaluedMap<String, String> in) {
        visit.requireCsrf(in.getFirst("csrf"));
        visit.requireLogin();
        check(releaseId);
        applications.load(id);
        String altcha = in.getFirst("altcha");
        boolean again = (altcha == null || altcha.isBlank()) && "yes".equals(in.getFirst("again"));
        if (again) {
            altcha = keptSolution(releaseId, Instant.now());
            if (altcha == null) {
                // expired or never kept (another browser, the session renewed): the page offers the puzzle again
                return redirect(self(id, releaseId));
            }
        }
        boolean byHand = !again && (altcha == null || altcha.isBlank());
        if (byHand) {
            altcha = handSolution(in);
            if (altcha == null) {
                return puzzle(id, releaseId, Form.empty().with("number", in.getFirst("number"))
                        .error("number", pages.message("wr", "wr_puzzle_invalid")));
            }
        }
        ApiResponse r;
        try {
            r = api.post(base(releaseId) + "/entries", Map.of("altcha", altcha));
        } catch (ApiBusy shed) {
            // the crowd: the solution stays valid for its lifetime (bound to this account), so it is kept for the
            // busy page's retry instead of making the person's phone solve, and the API issue, a new puzzle
            visit.session().note(solutionKey(releaseId), altcha);
            throw shed;
        }
        visit.session().note(solutionKey(releaseId), null);
        if (r.ok()) {
            String ticket = r.json().path("ticket").asText(null);
            if (ticket != null) {
                visit.session().note(ticketKey(releaseId), ticket);
            }
            return redirect(self(id, releaseId));
        }
        if (r.status() == 400 && again) {
            // the kept solution was refused after all (its lifetime ran out on the way): a new puzzle, no error
            return redirect(self(id, releaseId));
        }
        if (r.status() == 400 && byHand) {
            return puzzle(id, releaseId, Form.empty().with("number", in.getFirst("number"))
                    .error("number", pages.message("wr", "wr_puzzle_invalid")));
        }
        Checked checked = check(releaseId, false);
        return page(id, releaseId, checked.status(), checked, Form.empty().problem(r.problem()));
    }

    /**
     * The solution of a shed join kept in the session, while its challenge has not expired (the {@code expires}
     * parameter of its salt, as quota-service signs it); an expired one is forgotten. Null if none is kept.
     */
    private String keptSolution(String releaseId, Instant now) {
        String kept = visit.session().note(solutionKey(releaseId));
        if (kept != null && !solutionValidAt(kept, now)) {
            visit.session().note(solutionKey(releaseId), null);
            return null;
        }
        return kept;
    }

    /**
     * Whether an ALTCHA payload (base64 JSON) has not expired at {@code now}, by its salt's {@code expires} (epoch
     * seconds). A payload that cannot be read this way is not worth sending again.
     */
    public static boolean solutionValidAt(String payload, Instant now) {
        try {
            JsonNode solution = JSON.readTree(Base64.getDecoder().decode(payload));
            Matcher expires = EXPIRES.matcher(solution.path("salt").asText(""));
            return expires.find() && Instant.ofEpochSecond(Long.parseLong(expires.group(1))).isAfter(now);
        } catch (IllegalArgumentException | java.io.IOException unreadable) {
            return false;
        }
    }

    /** The widget's challenge, asked with the session's token (the browser has none): ALTCHA's JSON as it is. */
    @GET
    @Path("challenge")
    @Produces(MediaType.APPLICATION_JSON)
    public Response challenge(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        visit.requireLogin();
        check(releaseId);
        ApplicationPages.checkId(id);
        ApiResponse r = api.get(base(releaseId) + "/challenge");
        return Response.status(r.status()).entity(r.body())
                .type(r.ok() ? MediaType.APPLICATION_JSON : "application/problem+json")
                .header("Cache-Control", "no-store").build();
    }

    /** The puzzle for a person without JavaScript: its fields, a command that solves it, and a field for N. */
    @GET
    @Path("puzzle")
    public TemplateInstance puzzleForm(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        visit.requireLogin();
        check(releaseId);
        applications.load(id);
        return puzzle(id, releaseId, Form.empty());
    }

    /**
     * The API's Server-Sent Events of this person's ticket, relayed as rendered status fragments (one {@code data:}
     * line each; the ticket stays here). Ends with the API's stream (admitted, sold out, closed) or the browser.
     */
    @GET
    @Path("events")
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.TEXT_PLAIN)
    public Multi<String> events(@PathParam("id") String id, @PathParam("releaseId") String releaseId) {
        visit.requireLogin();
        check(releaseId);
        ApplicationPages.checkId(id);
        String ticket = visit.session().note(ticketKey(releaseId));
        if (ticket == null) {
            throw new NotFoundException();
        }
        String language = visit.language();
        ApiResponse room = api.get(base(releaseId));
        if (!room.ok()) {
            throw new NotFoundException();
        }
        String zone = zones.of(room.json().path("officeCode").asText(null));
        var headers = api.headersFor(Map.of(TICKET, ticket, "Accept", "text/event-stream"));
        var uri = api.uri(base(releaseId) + "/events");
        return Multi.createFrom().emitter(emitter -> {
            StringBuilder data = new StringBuilder();
            AutoCloseable stream;
            try {
                stream = transport.stream(uri, headers, line -> {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                    } else if (line.isEmpty() && data.length() > 0) {
                        String json = data.toString();
                        data.setLength(0);
                        try {
                            JsonNode status = JSON.readTree(json);
                            emitter.emit(statusPart(id, releaseId, status, true, language, zone).render()
                                    .replace('\n', ' ').replace('\r', ' '));
                        } catch (JsonProcessingException | RuntimeException unreadable) {
                            // a line that is no status (a comment, a keep-alive): nothing to show
                        }
                    }
                }, failure -> {
                    if (failure == null) {
                        emitter.complete();
                    } else {
                        emitter.fail(failure);
                    }
                });
            } catch (ApiBusy full) {
                // every stream this instance allows is open: the page's script polls instead
                emitter.fail(full);
                return;
            }
            emitter.onTermination(() -> {
                try {
                    stream.close();
                } catch (Exception ignored) {
                    // already closed
                }
            });
        });
    }

    // ---- the steps ----

    /** The position from the ticket (swapped for a newer one when the API gives it), or the room without one. */
    private Checked check(String releaseId, boolean pageView) {
        Session session = visit.session();
        String ticket = session.note(ticketKey(releaseId));
        boolean lost = false;
        if (ticket != null) {
            ApiResponse r = api.get(base(releaseId) + "/position", Map.of(TICKET, ticket));
            if (r.ok()) {
                JsonNode status = r.json();
                String fresh = status.path("ticket").asText(null);
                if (fresh != null && !fresh.equals(ticket)) {
                    session.note(ticketKey(releaseId), fresh);
                }
                return new Checked(status, true, false);
            }
            if (r.status() == 403) {
                // forged, expired or of another key: join again (the API gives the same place back)
                session.note(ticketKey(releaseId), null);
                lost = true;
            } else if (r.status() == 404) {
                throw new NotFoundException();
            }
        }
        ApiResponse room = api.get(base(releaseId));
        if (!room.ok()) {
            throw new NotFoundException();
        }
        return new Checked(room.json(), false, lost);
    }

    /** An admitted ticket becomes a hold pass kept for the office; then on to the slot form. */
    private Optional<Response> takePass(String id, String releaseId, JsonNode status) {
        String ticket = visit.session().note(ticketKey(releaseId));
        String office = status.path("officeCode").asText("");
        if (ticket == null || !OFFICE.matcher(office).matches()) {
            return Optional.empty();
        }
        ApiResponse r = api.post(base(releaseId) + "/pass", Map.of("ticket", ticket));
        if (!r.ok()) {
            // not your turn after all (a moment's disagreement), sold out or closed: the page says which
            return Optional.empty();
        }
        String pass = r.json().path("pass").asText(null);
        String expires = r.json().path("expiresAt").asText(null);
        if (pass == null || expires == null) {
            return Optional.empty();
        }
        visit.session().note(passKey(office), releaseId + " " + expires + " " + pass);
        return Optional.of(redirect("/applications/" + id + "/slot?office=" + office));
    }

    /** The hold pass the session keeps for an office, while it is valid: release id, expiry and the pass. */
    static Optional<String[]> passFor(Session session, String office) {
        String kept = office == null ? null : session.note(passKey(office));
        if (kept == null) {
            return Optional.empty();
        }
        String[] parts = kept.split(" ", 3);
        try {
            if (parts.length == 3 && Instant.parse(parts[1]).isAfter(Instant.now())) {
                return Optional.of(parts);
            }
        } catch (RuntimeException unreadable) {
            // below
        }
        session.note(passKey(office), null);
        return Optional.empty();
    }

    /**
     * The release whose waiting room a {@code 403 hold-pass-required} points to (its detail names the room's address),
     * or empty.
     */
    static Optional<String> roomOf(ApiResponse refused) {
        if (refused.status() != 403) {
            return Optional.empty();
        }
        try {
            JsonNode problem = refused.json();
            if (!problem.path("type").asText("").endsWith("/hold-pass-required")) {
                return Optional.empty();
            }
            Matcher m = Pattern.compile("/releases/(" + RELEASE.pattern() + ")/waiting-room")
                    .matcher(problem.path("detail").asText(""));
            return m.find() ? Optional.of(m.group(1)) : Optional.of("");
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }

    /**
     * The office's waiting rooms a person can still use (not sold out, not over), for the slot page's notice; empty
     * when the API does not know the office or is busy (the slot form works without it).
     */
    static List<Map<String, Object>> openRooms(ApiClient api, String office) {
        try {
            ApiResponse r = api.get("/offices/" + office + "/waiting-rooms");
            if (!r.ok() || !r.json().isArray()) {
                return List.of();
            }
            return Pages.list(r.json()).stream()
                    .filter(room -> !"SOLD_OUT".equals(room.get("state")) && !"CLOSED".equals(room.get("state")))
                    .toList();
        } catch (ApiBusy busy) {
            return List.of();
        }
    }

    /** The widget's payload from a puzzle solved by hand: the challenge's fields as given, and N. */
    static String handSolution(MultivaluedMap<String, String> in) {
        String number = in.getFirst("number") == null ? "" : in.getFirst("number").trim();
        String challenge = in.getFirst("challenge");
        String salt = in.getFirst("salt");
        String signature = in.getFirst("signature");
        if (!NUMBER.matcher(number).matches() || challenge == null || !HEX.matcher(challenge).matches()
                || salt == null || !SALT.matcher(salt).matches() || signature == null
                || !HEX.matcher(signature).matches()) {
            return null;
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("algorithm", "SHA-256");
        payload.put("challenge", challenge);
        payload.put("number", Long.parseLong(number));
        payload.put("salt", salt);
        payload.put("signature", signature);
        try {
            return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** When to look again: the API's Retry-After (in the status), within 1 s and 60 s; 30 s when it gives none. */
    static long retryAfter(JsonNode status) {
        String state = status.path("state").asText();
        if (status.hasNonNull("retryAfterSeconds")) {
            return Math.max(1, Math.min(60, status.path("retryAfterSeconds").asLong(5)));
        }
        if ("SOLD_OUT".equals(state) || "CLOSED".equals(state)) {
            return 0;
        }
        // not joined: until the room opens (at most a minute), or the room's changes (release, sell-out) every 30 s
        long untilOpen = BookingPages.secondsUntil(status.path("opensAt").asText(null));
        return untilOpen > 0 ? Math.max(2, Math.min(60, untilOpen)) : 30;
    }

    // ---- rendering ----

    private Object page(String id, String releaseId, JsonNode status, Checked checked, Form form) {
        String state = status.path("state").asText();
        String office = status.path("officeCode").asText("");
        long opensIn = BookingPages.secondsUntil(status.path("opensAt").asText(null));
        boolean ongoing = !"SOLD_OUT".equals(state) && !"CLOSED".equals(state);
        boolean canJoin = !checked.joined() && ongoing && opensIn == 0;
        // a join shed with a solution still valid: the page sends it again instead of showing a new puzzle
        boolean again = canJoin && keptSolution(releaseId, Instant.now()) != null;
        long retry = retryAfter(status);
        // no reload on the join form (the widget is working) and once it is over
        long refresh = canJoin ? 0 : retry;
        TemplateInstance page = pages.form("waiting-room", form).data("id", id).data("releaseId", releaseId)
                .data("room", Pages.map(status)).data("state", state).data("joined", checked.joined())
                .data("lost", checked.lost()).data("canJoin", canJoin).data("again", again).data("opensIn", opensIn)
                .data("refresh", refresh).data("zone", zones.of(office))
                .data("strings", canJoin && !again ? altchaStrings() : "")
                .data("status", statusPart(id, releaseId, status, checked.joined(), visit.language(), zones.of(office))
                        .render());
        return Response.ok(page.render(), MediaType.TEXT_HTML_TYPE).header("Cache-Control", "no-store").build();
    }

    /** The widget's texts in the visitor's language (its {@code strings} attribute). */
    private String altchaStrings() {
        Map<String, String> strings = new LinkedHashMap<>();
        strings.put("label", pages.message("wr", "wr_altcha_label"));
        strings.put("verifying", pages.message("wr", "wr_altcha_verifying"));
        strings.put("waitAlert", pages.message("wr", "wr_altcha_verifying"));
        strings.put("verified", pages.message("wr", "wr_altcha_verified"));
        strings.put("error", pages.message("wr", "wr_altcha_error"));
        strings.put("expired", pages.message("wr", "wr_altcha_expired"));
        try {
            return JSON.writeValueAsString(strings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private TemplateInstance statusPart(String id, String releaseId, JsonNode status, boolean joined,
            String language, String zone) {
        Map<String, Object> room = Pages.map(status);
        Long wait = status.hasNonNull("estimatedWaitSeconds") ? status.path("estimatedWaitSeconds").asLong() : null;
        return pages.detached("waiting-room-status", language).data("id", id).data("releaseId", releaseId)
                .data("room", room).data("state", status.path("state").asText()).data("joined", joined)
                .data("waitMinutes", wait == null ? null : (wait + 59) / 60).data("retry", retryAfter(status))
                .data("zone", zone);
    }

    private TemplateInstance puzzle(String id, String releaseId, Form form) {
        ApiResponse r = api.get(base(releaseId) + "/challenge");
        if (!r.ok()) {
            // sold out, closed or not open: the room's page says which
            throw new jakarta.ws.rs.WebApplicationException(redirect(self(id, releaseId)));
        }
        JsonNode challenge = r.json();
        ApiResponse room = api.get(base(releaseId));
        String zone = zones.of(room.ok() ? room.json().path("officeCode").asText(null) : null);
        String salt = challenge.path("salt").asText("");
        Matcher expires = Pattern.compile("expires=(\\d+)").matcher(salt);
        return pages.form("waiting-room-puzzle", form).data("id", id).data("releaseId", releaseId)
                .data("challenge", Pages.map(challenge))
                .data("expiresAt", expires.find() ? Instant.ofEpochSecond(Long.parseLong(expires.group(1))).toString()
                        : null)
                .data("zone", zone);
    }

    private static String base(String releaseId) {
        return "/releases/" + releaseId + "/waiting-room";
    }

    private static String self(String id, String releaseId) {
        return "/applications/" + id + "/waiting-room/" + releaseId;
    }

    static String solutionKey(String releaseId) {
        return "wr-solution:" + releaseId;
    }

    static String ticketKey(String releaseId) {
        return "wr:" + releaseId;
    }

    static String passKey(String office) {
        return "pass:" + office;
    }

    private static void check(String releaseId) {
        if (releaseId == null || !RELEASE.matcher(releaseId).matches()) {
            throw new NotFoundException();
        }
    }

    /** What a check found: the status, whether the person holds a ticket, whether a ticket was refused just now. */
    private record Checked(JsonNode status, boolean joined, boolean lost) {
    }

}
