package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * The quota-release morning. Wave 1 ("before 4 am"): {@code spike.users} verified accounts arrive within
 * {@code spike.login-seconds} (Gatling's heaviside {@code stressPeakUsers}) and log in, far beyond the hashing
 * capacity, retrying shed logins after Retry-After, create their application with its applicant (quota-service holds
 * places only for an account's applicants) and look at their office's calendar while they wait. Wave 2 ("4 am", open model): the logged-in applicants arrive at
 * {@code spike.hold-rate}/s, each reads the calendar of its office and holds one MORNING place of
 * {@code spike.date} with its own NIK, trying again after Retry-After while it is shed (at most
 * {@code spike.hold-attempts} times); the offices have {@code spike.capacity} places each, far fewer than
 * applicants, so most holds are answered 409 quota-full. Every answer is recorded by {@link Recorder}
 * ({@code release-spike.csv}); overbooking is checked in the database by bench.sh afterwards.
 * <p>
 * Before wave 1, unmeasured, {@code spike.warm-up} accounts of their own (from index {@code spike.warm-up-from}) walk
 * wave 1's path one after another at a gentle pace: the services on the release morning have run for days, their
 * code compiled; a stack fresh from {@code ./mpaspor up} answered the first spike's logins and applicant
 * registrations in over 2 s on this 2-core machine while its JIT compilers (and Gatling's) ran, and passed the same
 * gate a minute later (2026-12-05). The warm-up takes no place: it holds nothing.
 */
public class ReleaseSpikeSimulation extends Simulation {

    record Ready(String token, String nik, String office, String clientIp) {
    }

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final Recorder RECORDER = new Recorder();
    /** The warm-up's answers: kept apart, never written. */
    private static final Recorder WARM_UP = new Recorder();
    /** Applicants logged in during wave 1, waiting for the release. */
    private static final Queue<Ready> READY = new ConcurrentLinkedQueue<>();
    private static final String HOLD_ATTEMPT = "holdAttempt";
    private static final String HOLD_SHED = "holdShed";

    {
        int users = CONFIG.integer("spike.users", 100);
        int loginSeconds = CONFIG.integer("spike.login-seconds", 10);
        int holdRate = CONFIG.integer("spike.hold-rate", 100);
        String quota = CONFIG.string("quota.url", "http://127.0.0.1:8083");
        String date = CONFIG.string("spike.date", "");
        int holdAttempts = CONFIG.integer("spike.hold-attempts", 10);
        double holdMaxPause = CONFIG.decimal("spike.hold-max-pause", 5);

        int warmUp = CONFIG.integer("spike.warm-up", 0);
        ScenarioBuilder wave0 = scenario("warm-up")
                .feed(Journeys.accounts(CONFIG, CONFIG.integer("spike.warm-up-from", 0), Math.max(1, warmUp)))
                .exec(Journeys.login(CONFIG, WARM_UP))
                .doIf(s -> s.contains(Journeys.TOKEN)).then(Journeys.applicationWithApplicant(CONFIG, WARM_UP))
                .doIf(s -> s.contains(Journeys.TOKEN)).then(calendar(quota, date, "calendar-warm-up", WARM_UP));

        ScenarioBuilder wave1 = scenario("login wave")
                .feed(Journeys.accounts(CONFIG, 0, users))
                .exec(Journeys.login(CONFIG, RECORDER))
                // before the release, as the app has them do: the application with its applicant (quota-service
                // holds places only for an account's applicants), then the office's calendar while they wait
                .doIf(s -> s.contains(Journeys.TOKEN)).then(Journeys.applicationWithApplicant(CONFIG, RECORDER))
                .doIf(s -> s.contains(Journeys.TOKEN)).then(calendar(quota, date, "calendar-wait", RECORDER))
                .exec(s -> {
                    if (s.contains(Journeys.TOKEN) && s.contains("applicantId")) {
                        READY.add(new Ready(s.getString(Journeys.TOKEN), s.getString("nik"), s.getString("office"),
                                s.getString(Journeys.CLIENT_IP)));
                    }
                    return s;
                });

        ScenarioBuilder wave2 = scenario("release spike")
                .exec(ReleaseSpikeSimulation::takeReady)
                .doIf(s -> s.contains(Journeys.TOKEN)).then(
                        calendar(quota, date, "calendar", RECORDER)
                                .exec(s -> s.set(HOLD_ATTEMPT, 0).set(HOLD_SHED, true)
                                        .set("holdKey", java.util.UUID.randomUUID().toString()))
                                // a shed hold (429/503, or 409 with Retry-After: applicants not yet known) is tried
                                // again after its Retry-After with the same Idempotency-Key, as the app does
                                .asLongAs(s -> s.getBoolean(HOLD_SHED) && s.getInt(HOLD_ATTEMPT) < holdAttempts).on(
                                        exec(Recorder::arm)
                                                .exec(http("hold").post(quota + "/holds")
                                                        .header("Authorization", "Bearer #{token}")
                                                        .header("Idempotency-Key", "#{holdKey}")
                                                        .body(StringBody("{\"officeCode\":\"#{office}\",\"date\":\"" + date
                                                                + "\",\"session\":\"MORNING\",\"service\":\"REGULAR\",\"niks\":[\"#{nik}\"]}"))
                                                        .check(status().saveAs(Recorder.STATUS),
                                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                                status().in(201, 409, 429, 503)))
                                                .exec(s -> RECORDER.record("hold", s))
                                                .exec(s -> s.set(HOLD_ATTEMPT, s.getInt(HOLD_ATTEMPT) + 1)
                                                        .set(HOLD_SHED, shed(s)))
                                                .doIf(s -> s.getBoolean(HOLD_SHED)).then(
                                                        exec(s -> s.set("pause", Journeys.retryPause(s, holdMaxPause)))
                                                                .pause(s -> s.<Duration>get("pause")))));

        int holdSeconds = Math.max(1, (int) Math.ceil(users / (double) holdRate));
        // the warm-up's users arrive one every 2 s; wave 1 starts when they are done, after 3 s for the compilers
        var spike = wave1.injectOpen(nothingFor(Duration.ofSeconds(warmUp <= 0 ? 0 : 3)),
                        stressPeakUsers(users).during(Duration.ofSeconds(loginSeconds)))
                .andThen(wave2.injectOpen(constantUsersPerSec(holdRate).during(Duration.ofSeconds(holdSeconds))));
        setUp(warmUp <= 0 ? spike
                : wave0.injectOpen(rampUsers(warmUp).during(Duration.ofSeconds(2L * warmUp))).andThen(spike))
                .protocols(Journeys.protocol(CONFIG))
                .maxDuration(Duration.ofSeconds(CONFIG.integer("spike.max-seconds", 600)));
    }

    /**
     * The last answer was 429 or 503, or a 409 with Retry-After (the applicant's event not yet at quota-service; a
     * quota-full 409 has none). No answer at all is not retried: it is an error.
     */
    private static boolean shed(Session session) {
        if (!session.contains(Recorder.STATUS)) {
            return false;
        }
        int status = session.getInt(Recorder.STATUS);
        return status == 429 || status == 503 || (status == 409 && session.contains(Recorder.RETRY_AFTER));
    }

    private static ChainBuilder calendar(String quota, String date, String name, Recorder recorder) {
        return exec(Recorder::arm)
                .exec(http(name).get(quota + "/offices/#{office}/calendar?from=" + date + "&to=" + date)
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                status().in(200, 429, 503)))
                .exec(s -> recorder.record(name, s));
    }

    private static Session takeReady(Session session) {
        Ready ready = READY.poll();
        return ready == null ? session
                : session.set(Journeys.TOKEN, ready.token()).set("nik", ready.nik()).set("office", ready.office())
                        .set(Journeys.CLIENT_IP, ready.clientIp());
    }

    @Override
    public void after() {
        RECORDER.write(CONFIG.resultsDir(), "release-spike");
        System.out.println("LOAD release-spike: " + RECORDER.size() + " answers recorded, " + READY.size()
                + " logged-in applicants left without a hold attempt");
    }
}
