package id.go.imigrasi.mpaspor.ops.rest;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import id.go.imigrasi.mpaspor.ops.Operator;
import id.go.imigrasi.mpaspor.ops.OpsProblem;
import id.go.imigrasi.mpaspor.ops.config.OpsConfig;
import id.go.imigrasi.mpaspor.ops.console.ConsoleEvent;
import id.go.imigrasi.mpaspor.ops.kafka.ConsumerLag;
import id.go.imigrasi.mpaspor.ops.kafka.EventFeed;
import id.go.imigrasi.mpaspor.ops.kafka.TopicReader;
import id.go.imigrasi.mpaspor.ops.metrics.ServiceMetrics;
import id.go.imigrasi.mpaspor.ops.redrive.DeadLetters;
import id.go.imigrasi.mpaspor.ops.redrive.Redrive;
import id.go.imigrasi.mpaspor.ops.redrive.RedriveLog;
import id.go.imigrasi.mpaspor.ops.session.Sessions;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;

/**
 * The console's pages under {@code /ops} (the gateway publishes them there): the live overview, pushed by
 * Server-Sent Events ({@code /ops/stream}: each part re-rendered every {@code mpaspor.ops.push-interval} and sent
 * when it changed), the topic viewer and the dead letters with their re-drive. Every form carries the session's
 * CSRF token. No business rule lives here: the figures come from {@code console}, {@code kafka}, {@code metrics}
 * and {@code redrive}.
 */
@Path("/ops")
@Blocking
public class ConsolePages {

    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final List<String> PARTS = List.of("dashboard", "services", "lag", "events");
    /** An aggregate id as the services make them (UUIDs, codes): anything else is not looked up. */
    private static final java.util.regex.Pattern SAGA_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");

    private final Visit visit;
    private final Sessions sessions;
    private final LoginClient login;
    private final ConsoleAccess access;
    private final EventFeed feed;
    private final ServiceMetrics metrics;
    private final ConsumerLag lag;
    private final TopicReader topics;
    private final DeadLetters deadLetters;
    private final RedriveLog redrives;
    private final OpsConfig config;
    private final Clock clock;

    @Location("console.html")
    Template console;
    @Location("login.html")
    Template loginPage;
    @Location("topics.html")
    Template topicsPage;
    @Location("dead-letters.html")
    Template deadLettersPage;
    @Location("trace.html")
    Template tracePage;
    @Location("parts/dashboard.html")
    Template dashboardPart;
    @Location("parts/services.html")
    Template servicesPart;
    @Location("parts/lag.html")
    Template lagPart;
    @Location("parts/events.html")
    Template eventsPart;

    public ConsolePages(Visit visit, Sessions sessions, LoginClient login, ConsoleAccess access, EventFeed feed,
            ServiceMetrics metrics, ConsumerLag lag, TopicReader topics, DeadLetters deadLetters, RedriveLog redrives,
            OpsConfig config, Clock clock) {
        this.visit = visit;
        this.sessions = sessions;
        this.login = login;
        this.access = access;
        this.feed = feed;
        this.metrics = metrics;
        this.lag = lag;
        this.topics = topics;
        this.deadLetters = deadLetters;
        this.redrives = redrives;
        this.config = config;
        this.clock = clock;
    }

    // --- login ---

    @GET
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance loginForm() {
        return loginPage.data("csrf", visit.session().csrf()).data("error", null).data("email", "").data("operator", null);
    }

    @POST
    @Path("/login")
    @Produces(MediaType.TEXT_HTML)
    public Response login(@FormParam("email") String email, @FormParam("password") String password,
            @FormParam("csrf") String csrf, @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String language) {
        requireCsrf(csrf);
        String mail = email == null ? "" : email.strip();
        if (mail.isEmpty() || password == null || password.isEmpty() || mail.length() > 254 || password.length() > 1024) {
            return loginAgain(400, mail, "Enter your e-mail address and your password.");
        }
        LoginClient.Result result = login.login(mail, password, language == null ? "en" : language);
        if (result.accessToken() == null) {
            return loginAgain(result.status() == 401 || result.status() == 403 ? 401 : result.status(), mail,
                    result.detail());
        }
        Operator operator = access.verify(result.accessToken());
        if (operator == null) {
            return loginAgain(403, mail, "This account may not use the ops console: it needs the role ops or admin.");
        }
        visit.session(sessions.loggedIn(result.accessToken(), operator.email()));
        return seeOther("/ops");
    }

    private Response loginAgain(int status, String email, String error) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(loginPage.data("csrf", visit.session().csrf()).data("error", error).data("email", email)
                        .data("operator", null)).build();
    }

    @POST
    @Path("/logout")
    public Response logout(@FormParam("csrf") String csrf) {
        requireCsrf(csrf);
        visit.clear(sessions.anonymous());
        return seeOther("/ops/login");
    }

    // --- the live overview ---

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance overview() {
        TemplateInstance page = console.instance();
        common(page);
        parts().forEach(page::data);
        return page;
    }

    /** The overview's parts as HTML, by the id of the element each replaces. */
    private Map<String, String> parts() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("dashboard", dashboardPart.data("view", feed.dashboard().view(clock.instant()))
                .data("deadLetterTotal", lag.snapshot().deadLetterRecords().values().stream()
                        .mapToLong(Long::longValue).sum()).render());
        parts.put("services", servicesPart.data("metrics", metrics.snapshot()).render());
        parts.put("lag", lagPart.data("lag", lag.snapshot()).render());
        parts.put("events", eventsPart.data("view", feed.dashboard().view(clock.instant())).render());
        return parts;
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@Context Sse sse) {
        return Multi.createFrom().deferred(() -> {
            Map<String, String> sent = new HashMap<>();
            long[] quietSince = { System.nanoTime() };
            return Multi.createFrom().ticks().every(config.pushInterval()).onOverflow().drop()
                    .onItem().transformToIterable(tick -> {
                        List<OutboundSseEvent> events = new java.util.ArrayList<>();
                        parts().forEach((id, html) -> {
                            if (!html.equals(sent.put(id, html))) {
                                events.add(sse.newEventBuilder().name(id).data(html).build());
                            }
                        });
                        if (events.isEmpty() && System.nanoTime() - quietSince[0] > HEARTBEAT.toNanos()) {
                            events.add(sse.newEventBuilder().comment("still here").build());
                        }
                        if (!events.isEmpty()) {
                            quietSince[0] = System.nanoTime();
                        }
                        return events;
                    });
        });
    }

    // --- topic viewer ---

    @GET
    @Path("/topics")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance topicViewer(@QueryParam("topic") String topic, @QueryParam("key") String key,
            @QueryParam("type") String type, @QueryParam("limit") @DefaultValue("50") int limit) {
        if (limit < 1 || limit > 500) {
            throw ProblemException.invalid("limit", "range", 1, 500);
        }
        List<String> all = List.copyOf(topics.topics());
        List<ConsoleEvent> records = List.of();
        if (topic != null && !topic.isBlank()) {
            if (!all.contains(topic)) {
                throw ProblemException.invalid("topic", "unknown-topic");
            }
            String k = blankToNull(key);
            String t = blankToNull(type);
            Predicate<ConsoleEvent> filter = e -> (k == null || k.equals(e.key()))
                    && (t == null || e.type().contains(t));
            records = topics.last(topic, limit, filter);
        }
        TemplateInstance page = topicsPage.data("topics", all).data("topic", topic == null ? "" : topic)
                .data("key", key == null ? "" : key).data("type", type == null ? "" : type).data("limit", limit)
                .data("records", records).data("searched", topic != null && !topic.isBlank());
        common(page);
        return page;
    }

    // --- dead letters ---

    /**
     * One application's saga across the services (issue 18): its events and its holds' by time, each with its
     * service, trace id and the time since the one before; a form when no id is given.
     */
    @GET
    @Path("/trace")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance trace(@QueryParam("applicationId") String applicationId) {
        String id = applicationId == null ? "" : applicationId.trim();
        if (!id.isEmpty() && !SAGA_ID.matcher(id).matches()) {
            id = "";
        }
        java.time.ZoneId zone = java.time.ZoneId.of(config.zone());
        TemplateInstance page = tracePage.data("applicationId", id)
                .data("trace", id.isEmpty() ? null : feed.sagas().of(id, zone)).data("zone", zone.getId());
        common(page);
        return page;
    }

    @GET
    @Path("/dead-letters")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance deadLetterList(@QueryParam("topic") String topic, @QueryParam("done") String done) {
        List<String> dlts = deadLetters.topics();
        Map<String, List<DeadLetters.DeadLetter>> records = new LinkedHashMap<>();
        for (String t : dlts) {
            if (topic == null || topic.isBlank() || topic.equals(t)) {
                records.put(t, deadLetters.records(t));
            }
        }
        TemplateInstance page = deadLettersPage.data("topics", dlts).data("records", records)
                .data("redrives", redrives.latest(50)).data("done", done);
        common(page);
        return page;
    }

    @POST
    @Path("/dead-letters/redrive")
    public Response redrive(@FormParam("csrf") String csrf, @FormParam("topic") String topic,
            @FormParam("partition") String partition, @FormParam("offset") String offset) {
        requireCsrf(csrf);
        Redrive r = deadLetters.redrive(topic, number("partition", partition, Integer.MAX_VALUE).intValue(),
                number("offset", offset, Long.MAX_VALUE), visit.operator());
        return seeOther("/ops/dead-letters?done=" + encode("1 record re-driven to " + r.targetTopic()));
    }

    @POST
    @Path("/dead-letters/redrive-all")
    public Response redriveAll(@FormParam("csrf") String csrf, @FormParam("topic") String topic) {
        requireCsrf(csrf);
        List<Redrive> done = deadLetters.redriveAll(topic, visit.operator());
        return seeOther("/ops/dead-letters?done=" + encode(done.size() + " record(s) of " + topic + " re-driven"));
    }

    // --- helpers ---

    private void common(TemplateInstance page) {
        page.data("operator", visit.operator()).data("csrf", visit.session().csrf());
    }

    private void requireCsrf(String csrf) {
        if (visit.session() != null && visit.session().accessToken() == null && visit.operator() != null) {
            return; // a bearer token (a script), not a browser's ambient cookie: no CSRF to fear
        }
        byte[] expected = visit.session().csrf().getBytes(StandardCharsets.UTF_8);
        byte[] given = csrf == null ? new byte[0] : csrf.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw ProblemException.of(OpsProblem.CSRF);
        }
    }

    private static Long number(String field, String text, long max) {
        try {
            long value = Long.parseLong(text == null ? "" : text.strip());
            if (value < 0 || value > max) {
                throw ProblemException.invalid(field, "range", 0, max);
            }
            return value;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, "number");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static Response seeOther(String path) {
        return Response.status(Response.Status.SEE_OTHER).header(HttpHeaders.LOCATION, URI.create(path)).build();
    }
}
