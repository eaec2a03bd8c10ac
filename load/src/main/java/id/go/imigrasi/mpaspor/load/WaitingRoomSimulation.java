package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * The release with a waiting room (issue 17). {@code wr.users} arrivals at a constant rate over {@code wr.seconds},
 * timed so that {@code wr.before} of them (60 %) arrive before the release's {@code releaseAt}. Each arrival already
 * has its session (logged in before, as the waiting room lets people do: tokens signed with the stack's dev key, an
 * application with its applicant in quota-service's projection, seeded by bench.sh), asks for a proof-of-work
 * challenge, solves it (ALTCHA, SHA-256), joins (a shed join is sent again with the same solution), then checks
 * its position with the ticket alone every Retry-After (x [1, 1.2)); once admitted it takes a hold pass and holds one
 * MORNING place with it (a hold pushed back with Retry-After is sent again after it). Sold out ends the wait. Every answer is recorded ({@code waiting-room.csv});
 * {@code wr-sold-out-lag} is how long after the sold-out moment the arrival learned it. Admission order, holds and
 * the sell-out time are read from the database by bench.sh.
 */
public class WaitingRoomSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final Recorder RECORDER = new Recorder();
    /** Tickets of the arrivals, for the checks benchmark ({@link WaitingRoomChecksSimulation}). */
    private static final Queue<String> TICKETS = new ConcurrentLinkedQueue<>();
    private static final String TICKET = "ticket";
    private static final String STATE = "state";
    private static final String RETRY = "wrRetry";
    private static final String CHECKS = "wrChecks";
    private static final String ATTEMPTS = "wrAttempts";
    private static final String PASS_ATTEMPTS = "wrPassAttempts";
    private static final String HOLD_ATTEMPTS = "wrHoldAttempts";
    private static final String REFUSED = "wrRefused";
    private static final String SOLUTION = "altcha";

    {
        int users = CONFIG.integer("wr.users", 100);
        int seconds = CONFIG.integer("wr.seconds", 10);
        double before = CONFIG.decimal("wr.before", 0.6);
        String quota = CONFIG.string("quota.url", "http://127.0.0.1:8083");
        String release = CONFIG.string("wr.release", "");
        String office = CONFIG.string("wr.office", "SBY");
        String date = CONFIG.string("wr.date", "");
        Instant releaseAt = Instant.parse(CONFIG.string("wr.release-at", Instant.now().toString()));
        int maxChecks = CONFIG.integer("wr.max-checks", 400);
        String room = quota + "/releases/" + release + "/waiting-room";

        // a solved challenge is kept until a join accepts or refuses it (400: expired, solved for another account):
        // a join shed by the gateway (429/503) is sent again with the same solution after Retry-After, as the website
        // does, not preceded by a new challenge and a new proof-of-work (it is valid for its lifetime, 10 minutes,
        // and bound to the account, and quota-service keeps no record of used solutions: joining again returns the
        // same place anyway)
        ChainBuilder solve = exec(Recorder::arm)
                .exec(http("wr-challenge").get(room + "/challenge").header("Authorization", "Bearer #{token}")
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                jsonPath("$.challenge").optional().saveAs("challenge"),
                                jsonPath("$.salt").optional().saveAs("salt"),
                                jsonPath("$.signature").optional().saveAs("signature"),
                                jsonPath("$.maxnumber").optional().saveAs("maxnumber"), status().in(200, 429, 503)))
                .exec(s -> RECORDER.record("wr-challenge", s))
                .doIf(s -> s.contains("challenge") && s.getInt(Recorder.STATUS) == 200).then(
                        exec(s -> s.set(SOLUTION, Altcha.solve(s.getString("challenge"), s.getString("salt"),
                                s.getString("signature"), Long.parseLong(s.getString("maxnumber"))))
                                .remove("challenge")));
        ChainBuilder join = doIf(s -> !s.contains(SOLUTION)).then(solve)
                .doIf(s -> s.contains(SOLUTION)).then(
                        exec(Recorder::arm)
                                .exec(http("wr-join").post(room + "/entries").header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"altcha\":\"#{" + SOLUTION + "}\"}"))
                                        .check(status().saveAs(Recorder.STATUS),
                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                jsonPath("$.ticket").optional().saveAs(TICKET),
                                                jsonPath("$.state").optional().saveAs(STATE),
                                                status().in(200, 400, 409, 429, 503)))
                                .exec(s -> RECORDER.record("wr-join", s))
                                .exec(s -> shed(s) ? s : s.remove(SOLUTION))
                                // 409: the room is sold out or closed (its detail names the next release): a person
                                // stops there, as the website's answer tells them to; before, each such arrival
                                // asked for a new challenge and joined ten times (35,449 joins in one run)
                                .exec(s -> s.getInt(Recorder.STATUS) == 409 ? s.set(REFUSED, true) : s))
                .exec(s -> s.set(ATTEMPTS, s.getInt(ATTEMPTS) + 1))
                .doIf(s -> !s.contains(TICKET) && shed(s)).then(
                        exec(s -> s.set("pause", Journeys.retryPause(s, 10))).pause(s -> s.<Duration>get("pause")));

        ChainBuilder check = exec(s -> s.set("pause", pause(s)))
                .pause(s -> s.<Duration>get("pause"))
                .exec(Recorder::arm)
                .exec(http("wr-check").get(room + "/position").header("Waiting-Room-Ticket", "#{ticket}")
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                jsonPath("$.ticket").optional().saveAs(TICKET),
                                jsonPath("$.state").optional().saveAs(STATE),
                                jsonPath("$.updatedAt").optional().saveAs("updatedAt"),
                                status().in(200, 429, 503)))
                .exec(s -> RECORDER.record("wr-check", s))
                .exec(s -> s.set(CHECKS, s.getInt(CHECKS) + 1)
                        .set(RETRY, s.contains(Recorder.RETRY_AFTER) ? s.getString(Recorder.RETRY_AFTER) : "1"));

        // a person whose claim is shed (429/503) or not yet their turn (409 with Retry-After: another instance's copy
        // of "admitted up to" a poll behind) tries again after Retry-After, as the website does; before, a shed claim
        // ended the simulated person, and admission waited out the notice window for each of them
        ChainBuilder claim = exec(Recorder::arm)
                .exec(http("wr-pass").post(room + "/pass").header("Authorization", "Bearer #{token}")
                        .body(StringBody("{\"ticket\":\"#{ticket}\"}"))
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                jsonPath("$.pass").optional().saveAs("pass"), status().in(200, 409, 429, 503)))
                .exec(s -> RECORDER.record("wr-pass", s))
                .exec(s -> s.set(PASS_ATTEMPTS, s.getInt(PASS_ATTEMPTS) + 1))
                .doIf(s -> !s.contains("pass") && s.contains(Recorder.RETRY_AFTER)).then(
                        exec(s -> s.set("pause", Journeys.retryPause(s, 5))).pause(s -> s.<Duration>get("pause")));
        // a hold answered 429/503 (shed) or 409 with Retry-After (applicants not yet known) is sent again after
        // Retry-After with the same Idempotency-Key, as a person does when the website's busy page brings them back
        // (the website itself waits out applicants-not-yet-known); before, a shed hold ended the simulated person,
        // and admission waited out the notice window (45 s) for each of them
        ChainBuilder holdOnce = exec(Recorder::arm)
                .exec(http("wr-hold").post(quota + "/holds").header("Authorization", "Bearer #{token}")
                        .header("Hold-Pass", "#{pass}").header("Idempotency-Key", "#{account}")
                        .body(StringBody("{\"officeCode\":\"" + office + "\",\"date\":\"" + date
                                + "\",\"session\":\"MORNING\",\"service\":\"REGULAR\",\"niks\":[\"#{nik}\"]}"))
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                status().in(201, 409, 429, 503)))
                .exec(s -> RECORDER.record("wr-hold", s))
                .exec(s -> s.set(HOLD_ATTEMPTS, s.getInt(HOLD_ATTEMPTS) + 1))
                .doIf(WaitingRoomSimulation::holdAgain).then(
                        exec(s -> s.set("pause", Journeys.retryPause(s, 5))).pause(s -> s.<Duration>get("pause")));
        ChainBuilder hold = exec(s -> s.set(PASS_ATTEMPTS, 0).set(HOLD_ATTEMPTS, 0))
                .asLongAs(s -> !s.contains("pass") && s.getInt(PASS_ATTEMPTS) < 10
                        && (s.getInt(PASS_ATTEMPTS) == 0 || s.contains(Recorder.RETRY_AFTER))).on(claim)
                .doIf(s -> s.contains("pass")).then(
                        asLongAs(s -> s.getInt(HOLD_ATTEMPTS) == 0
                                || s.getInt(HOLD_ATTEMPTS) < 10 && holdAgain(s)).on(holdOnce));

        ScenarioBuilder arrivals = scenario("release with waiting room")
                .feed(feeder(users))
                .exec(s -> s.set(ATTEMPTS, 0).set(CHECKS, 0).set(RETRY, "1"))
                .asLongAs(s -> !s.contains(TICKET) && !s.contains(REFUSED) && s.getInt(ATTEMPTS) < 10).on(join)
                .doIf(s -> s.contains(TICKET)).then(exec(s -> {
                    TICKETS.add(s.getString(TICKET));
                    return s;
                }).asLongAs(s -> waiting(s) && s.getInt(CHECKS) < maxChecks).on(check))
                .doIf(s -> "ADMITTED".equals(s.getString(STATE))).then(hold)
                .doIf(s -> "SOLD_OUT".equals(s.getString(STATE)) && s.contains("updatedAt")).then(exec(s -> {
                    long lag = System.currentTimeMillis() - Instant.parse(s.getString("updatedAt")).toEpochMilli();
                    RECORDER.add(new Recorder.Line("wr-sold-out-lag", 200, Math.max(0, lag), false,
                            System.currentTimeMillis()));
                    return s;
                }));

        double rate = users / (double) seconds;
        long startIn = Math.max(0, Duration.between(Instant.now(), releaseAt).toMillis()
                - (long) (before * seconds * 1000));
        setUp(arrivals.injectOpen(nothingFor(Duration.ofMillis(startIn)),
                constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))))
                // 20,000 people waiting each holding a socket between polls would pass the 20,000 open files a process
                // may have here (Gatling and the gateway alike: "Too many open files" in the first run); a waiting
                // phone's connection idles out between polls anyway. Shared connections: the same requests, fewer sockets.
                .protocols(Journeys.protocol(CONFIG).shareConnections())
                .maxDuration(Duration.ofSeconds(CONFIG.integer("wr.max-seconds", 900)));
    }

    /** The arrivals: an account of their own (its id derived from the run and index, as bench.sh seeds it). */
    private static Iterator<Map<String, Object>> feeder(int users) {
        int run = CONFIG.integer("run", 0);
        int from = CONFIG.integer("wr.from", 0);
        AccessTokens tokens = AccessTokens.fromPem(Path.of(CONFIG.string("jwt.key", ".run/keys/private.pem")),
                CONFIG.string("jwt.issuer", "https://mpaspor.imigrasi.go.id"));
        return IntStream.range(from, from + users).<Map<String, Object>>mapToObj(i -> {
            UUID account = WaitingRoomSeed.account(run, i);
            return Map.of("account", account.toString(), "token", tokens.applicant(account, "wr-" + i + "@load.mpaspor.test"),
                    "nik", Nik.of(run, i), Journeys.CLIENT_IP, Journeys.clientIp(i));
        }).iterator();
    }

    private static boolean waiting(Session s) {
        String state = s.getString(STATE);
        return "PRE_QUEUE".equals(state) || "WAITING".equals(state) || state == null;
    }

    /** The last hold was pushed back (shed, or its applicants not yet known) and asks to be sent again. */
    private static boolean holdAgain(Session s) {
        return shed(s) || s.getInt(Recorder.STATUS) == 409 && s.contains(Recorder.RETRY_AFTER);
    }

    private static boolean shed(Session s) {
        return s.contains(Recorder.STATUS) && (s.getInt(Recorder.STATUS) == 429 || s.getInt(Recorder.STATUS) == 503);
    }

    /** Retry-After x [1, 1.2), as the app polls (the first check 1 s after joining). */
    private static Duration pause(Session s) {
        double seconds;
        try {
            seconds = Double.parseDouble(s.getString(RETRY).trim());
        } catch (RuntimeException unreadable) {
            seconds = 1;
        }
        seconds = Math.min(30, Math.max(0.5, seconds)) * (1 + 0.2 * ThreadLocalRandom.current().nextDouble());
        return Duration.ofMillis((long) (seconds * 1000));
    }

    @Override
    public void after() {
        RECORDER.write(CONFIG.resultsDir(), "waiting-room");
        try {
            Files.write(CONFIG.resultsDir().resolve("waiting-room-tickets.txt"), TICKETS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("LOAD waiting-room: " + RECORDER.size() + " answers recorded, " + TICKETS.size()
                + " tickets");
    }
}
