package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
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
 * Steady state: the applicant's journey at a steady rate, measuring what the applicant waits for after pressing
 * "submit": the billing code on the application's page. Before the measured part, {@link SteadyStatePreparation}
 * brings {@code steady.users} applicants to the point of submission through the public API (application, applicant,
 * every required document uploaded with the project's tus client and accepted, a hold). Then they submit at
 * {@code steady.rate}/s (open model): {@code POST /applications/{id}/submission} (a hold the service has not heard of
 * yet answers 409 + Retry-After, retried), then the application is read after {@code steady.poll-ms}, then ever less
 * often, until it shows the
 * billing code. {@code submit} and {@code application-read} are recorded per answer; {@code billing-visible} is the
 * time from sending the accepted submission to the first answer that shows the code (status -1 when it did not appear
 * within {@code steady.visible-timeout-s}). With {@code desk.file} set, {@link DeskScenario}'s officers work at the
 * same time (issue 19), recorded apart ({@code desk.csv}).
 */
public class SteadyStateSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final Recorder RECORDER = new Recorder();
    private static final Queue<SteadyStatePreparation.Ready> READY = new ConcurrentLinkedQueue<>();
    private static final String SUBMITTED_AT = "submittedAt";
    private static final String BILLING_CODE = "billingCode";
    private static final String POLL = "pollMillis";

    {
        int users = CONFIG.integer("steady.users", 20);
        double rate = CONFIG.decimal("steady.rate", 10);
        int pollMillis = CONFIG.integer("steady.poll-ms", 200);
        int visibleTimeout = CONFIG.integer("steady.visible-timeout-s", 10);
        int maxAttempts = CONFIG.integer("steady.max-attempts", 30);
        String application = CONFIG.string("application.url", "http://127.0.0.1:8082");

        ChainBuilder submit = exec(s -> s.set("attempt", 0).set("submitted", false))
                .asLongAs(s -> !s.getBoolean("submitted") && s.getInt("attempt") < maxAttempts).on(
                        exec(Recorder::arm)
                                .exec(http("submit").post(application + "/applications/#{applicationId}/submission")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody("{\"holdId\":\"#{holdId}\"}"))
                                        .check(status().saveAs(Recorder.STATUS),
                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                status().in(202, 409, 429, 503)))
                                .exec(s -> RECORDER.record("submit", s))
                                .exec(s -> s.set("attempt", s.getInt("attempt") + 1)
                                        .set("submitted", s.contains(Recorder.STATUS) && s.getInt(Recorder.STATUS) == 202)
                                        .set(SUBMITTED_AT, s.getLong(Recorder.SENT)))
                                .doIf(s -> !s.getBoolean("submitted")).then(
                                        exec(s -> s.set("pause", Journeys.retryPause(s, 5)))
                                                .pause(s -> s.<Duration>get("pause"))));

        // the app reads its application again after poll-ms, then ever less often (x1.5, at most 2 s): fine
        // resolution where the target is (< 500 ms), and no polling storm that would slow what it measures
        ChainBuilder awaitBillingCode = exec(s -> s.remove(BILLING_CODE).set(POLL, pollMillis))
                .asLongAs(s -> !s.contains(BILLING_CODE)
                        && System.currentTimeMillis() - s.getLong(SUBMITTED_AT) < visibleTimeout * 1000L).on(
                        exec(s -> s).pause(s -> Duration.ofMillis(s.getInt(POLL)))
                                .exec(s -> s.set(POLL, Math.min(2000, (int) (s.getInt(POLL) * 1.5))))
                                .exec(Recorder::arm)
                                .exec(http("application-read").get(application + "/applications/#{applicationId}")
                                        .header("Authorization", "Bearer #{token}")
                                        .check(status().saveAs(Recorder.STATUS),
                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                jsonPath("$.billing.billingCode").optional().saveAs(BILLING_CODE),
                                                status().in(200, 429, 503)))
                                .exec(s -> RECORDER.record("application-read", s)))
                .exec(s -> {
                    boolean visible = s.contains(BILLING_CODE);
                    long millis = visible ? s.getLong(Recorder.SENT) + s.getInt(Recorder.MILLIS) - s.getLong(SUBMITTED_AT)
                            : System.currentTimeMillis() - s.getLong(SUBMITTED_AT);
                    RECORDER.add(new Recorder.Line("billing-visible", visible ? 200 : -1, millis, false,
                            s.getLong(SUBMITTED_AT)));
                    return s;
                });

        ScenarioBuilder steady = scenario("steady state")
                .exec(SteadyStateSimulation::takeReady)
                .doIf(s -> s.contains("applicationId")).then(submit)
                .doIf(s -> s.contains("submitted") && s.getBoolean("submitted")).then(awaitBillingCode);

        int seconds = Math.max(1, (int) Math.ceil(users / rate));
        // the desk (issue 19): officers at work while the applicants submit, from the same moment
        int officers = DeskScenario.prepare(CONFIG);
        int deskSeconds = CONFIG.integer("desk.seconds", seconds + visibleTimeout);
        var injected = new java.util.ArrayList<io.gatling.javaapi.core.PopulationBuilder>();
        injected.add(steady.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds))));
        if (officers > 0) {
            System.out.println("LOAD desk: " + officers + " officers at " + CONFIG.string("desk.offices", "?")
                    + ", for at most " + deskSeconds + " s beside the steady state");
            // officers do not press at the same millisecond: their first actions spread over one pause
            long pauseMs = CONFIG.integer("desk.pause-ms", 0);
            injected.add(DeskScenario.officers(CONFIG, deskSeconds).injectOpen(pauseMs <= 0 ? atOnceUsers(officers)
                    : rampUsers(officers).during(Duration.ofMillis(pauseMs))));
        }
        setUp(injected)
                .protocols(Journeys.protocol(CONFIG))
                .maxDuration(Duration.ofSeconds(CONFIG.integer("steady.max-seconds", 600)));
    }

    private static Session takeReady(Session session) {
        SteadyStatePreparation.Ready ready = READY.poll();
        return ready == null ? session
                : session.set(Journeys.TOKEN, ready.token()).set("applicationId", ready.applicationId())
                        .set("holdId", ready.holdId()).set(Journeys.CLIENT_IP, ready.clientIp());
    }

    @Override
    public void before() {
        int from = CONFIG.integer("steady.from", 0);
        int users = CONFIG.integer("steady.users", 20);
        System.out.println("LOAD steady-state: preparing " + users + " applicants (application, documents accepted, hold)");
        SteadyStatePreparation preparation = new SteadyStatePreparation(CONFIG);
        SteadyStatePreparation.Outcome outcome = preparation.prepare(from, users);
        int warmUp = Math.min(CONFIG.integer("steady.warm-up", 5), outcome.ready().size() / 2);
        long warmStart = System.nanoTime();
        preparation.warmUp(outcome.ready().subList(0, warmUp));
        System.out.printf("LOAD steady-state: warm-up, %d submissions to billing code (unmeasured) in %.1f s%n", warmUp,
                (System.nanoTime() - warmStart) / 1e9);
        READY.addAll(outcome.ready().subList(warmUp, outcome.ready().size()));
        if (CONFIG.string("desk.file", "").length() > 0) {
            long deskStart = System.nanoTime();
            int served = DeskScenario.warmUp(CONFIG);
            System.out.printf("LOAD desk: warm-up, %d applicants served from check-in to issuance (unmeasured) in %.1f s%n",
                    served, (System.nanoTime() - deskStart) / 1e9);
        }
        System.out.printf("LOAD steady-state: %d of %d applicants ready to submit in %.1f s%s%n", outcome.ready().size(),
                outcome.wanted(), outcome.took().toMillis() / 1000.0,
                outcome.failures().isEmpty() ? "" : ", not ready: " + outcome.failures());
        RECORDER.add(new Recorder.Line("prepared", outcome.ready().size() == outcome.wanted() ? 200 : -1,
                outcome.took().toMillis(), false, System.currentTimeMillis() - outcome.took().toMillis()));
    }

    @Override
    public void after() {
        RECORDER.write(CONFIG.resultsDir(), "steady-state");
        if (DeskScenario.RECORDER.size() > 0) {
            DeskScenario.write(CONFIG);
        }
        System.out.println("LOAD steady-state: " + RECORDER.size() + " lines recorded, " + READY.size()
                + " prepared applicants left without submitting");
    }
}
