package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.exec;
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
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

/**
 * The desk (issue 19: "server time per officer action p95 < 100 ms under the same-run steady load"): officers at one
 * or more offices each serve their own applicants, booked today by bench.sh ({@link DeskSeed}), one after the other:
 * check-in (booking code and NIK), interview (documents verified), face photo, the ten fingers in one post, approval,
 * issuance. {@link SteadyStateSimulation} runs it beside the steady applicant load, both injected at the same moment
 * once the steady state's preparation is done, so every figure is taken under that load. The officers call
 * biometric-service directly ({@code desk.url}): what is measured is the service's own time plus loopback, not the
 * gateway's. Each answer is recorded under its action's name ({@code desk.csv}); an officer stops when their
 * applicants are all served or {@code desk.seconds} have passed.
 */
public final class DeskScenario {

    /** One seeded appointment, as {@link DeskSeed} wrote it. */
    record Booked(String id, String nik, String office, String bookingCode) {
    }

    /** An officer with their token and the applicants still waiting for them. */
    record Officer(String key, String office, String token, Queue<Booked> waiting) {
    }

    static final Recorder RECORDER = new Recorder();
    private static final Queue<Officer> OFFICERS = new ConcurrentLinkedQueue<>();
    private static final String OFFICER = "deskOfficer";
    private static final String UNTIL = "deskUntil";
    private static final String FINGERS = Stream.of("RIGHT_THUMB", "RIGHT_INDEX", "RIGHT_MIDDLE", "RIGHT_RING",
            "RIGHT_LITTLE", "LEFT_THUMB", "LEFT_INDEX", "LEFT_MIDDLE", "LEFT_RING", "LEFT_LITTLE")
            .map(f -> "{\"finger\":\"" + f + "\",\"nfiq2\":60}").collect(Collectors.joining(",", "{\"results\":[", "]}"));

    private DeskScenario() {
    }

    /** Reads {@code desk.file} (DeskSeed's CSV) and signs a token per officer; how many officers there are. */
    static int prepare(BenchConfig config) {
        String file = config.string("desk.file", "");
        if (file.isBlank() || !Files.exists(Path.of(file))) {
            return 0;
        }
        AccessTokens tokens = AccessTokens.fromPem(Path.of(config.string("jwt.key", ".run/keys/private.pem")),
                config.string("jwt.issuer", "https://mpaspor.imigrasi.go.id"));
        Map<String, Officer> byKey = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Path.of(file))) {
                if (line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                Officer officer = byKey.computeIfAbsent(f[7], key -> new Officer(key, f[5], tokens.officer(
                        UUID.nameUUIDFromBytes(("desk-officer-" + config.string("run", "0") + "-" + key).getBytes()),
                        "desk-" + key.toLowerCase() + "@load.mpaspor.test", f[5]), new ArrayDeque<>()));
                officer.waiting().add(new Booked(f[0], f[4], f[5], f[6]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        OFFICERS.addAll(byKey.values());
        return byKey.size();
    }

    static ScenarioBuilder officers(BenchConfig config, int seconds) {
        String desk = config.string("desk.url", "http://127.0.0.1:8085");
        Duration pause = Duration.ofMillis(config.integer("desk.pause-ms", 0));
        String appointment = desk + "/office/appointments/#{appointmentId}";
        ChainBuilder serveOne = exec(DeskScenario::next)
                .exec(step("desk check-in", http("desk check-in").post(desk + "/office/check-in")
                        .body(StringBody("{\"bookingCode\":\"#{bookingCode}\",\"nik\":\"#{nik}\"}")), pause))
                .exec(step("desk interview", http("desk interview").post(appointment + "/interview")
                        .body(StringBody("{\"outcome\":\"VERIFIED\"}")), pause))
                .exec(step("desk face", http("desk face").post(appointment + "/capture/face")
                        .body(StringBody("{\"score\":85,\"icaoCompliant\":true}")), pause))
                .exec(step("desk fingers", http("desk fingers").post(appointment + "/capture/fingers")
                        .body(StringBody(FINGERS)), pause))
                .exec(step("desk approve", http("desk approve").post(appointment + "/decision")
                        .body(StringBody("{\"decision\":\"APPROVE\"}")), pause))
                .exec(step("desk issue", http("desk issue").post(appointment + "/issuance"), pause));
        return scenario("desk")
                .exec(s -> {
                    Officer officer = OFFICERS.poll();
                    return officer == null ? s : s.set(OFFICER, officer).set(Journeys.TOKEN, officer.token())
                            .set(Journeys.CLIENT_IP, "10.250.0." + (1 + Math.floorMod(officer.key().hashCode(), 250)))
                            .set(UNTIL, System.currentTimeMillis() + seconds * 1000L);
                })
                .doIf(s -> s.contains(OFFICER)).then(asLongAs(DeskScenario::hasNext).on(serveOne));
    }

    private static boolean hasNext(Session s) {
        return !s.<Officer>get(OFFICER).waiting().isEmpty() && System.currentTimeMillis() < s.getLong(UNTIL);
    }

    private static Session next(Session s) {
        Booked b = s.<Officer>get(OFFICER).waiting().poll();
        return s.set("appointmentId", b.id()).set("bookingCode", b.bookingCode()).set("nik", b.nik());
    }

    private static ChainBuilder step(String name, HttpRequestActionBuilder request, Duration pause) {
        ChainBuilder chain = exec(Recorder::arm)
                .exec(request.header("Authorization", "Bearer #{" + Journeys.TOKEN + "}")
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                status().in(200, 429, 503)))
                .exec(s -> RECORDER.record(name, s));
        return pause.isZero() ? chain : chain.pause(pause);
    }

    /** The officers' figures: {@code desk.csv}. */
    static void write(BenchConfig config) {
        RECORDER.write(config.resultsDir(), "desk");
        System.out.println("LOAD desk: " + RECORDER.size() + " officer actions recorded, "
                + OFFICERS.stream().mapToInt(o -> o.waiting().size()).sum() + " appointments of officers that never started");
    }

    /**
     * Unmeasured, before the load: {@code desk.warm-up} applicants (taken in turn from each officer's line) served from
     * check-in to issuance, one request after the other, so that the measured officers do not pay for a cold service
     * (its first query plans and compiled code paths: 8 s for the first check-ins of a fresh biometric-service in a run
     * without it; with one applicant per office, the first two rounds of check-ins still took 200 ms against 20 ms
     * later, 2026-12-05). How many were served.
     */
    static int warmUp(BenchConfig config) {
        String desk = config.string("desk.url", "http://127.0.0.1:8085");
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(5)).build();
        int wanted = config.integer("desk.warm-up", 12);
        int served = 0;
        for (int i = 0; i < wanted && OFFICERS.stream().anyMatch(o -> o.waiting().size() > 1); i++) {
            Officer officer = OFFICERS.stream().filter(o -> o.waiting().size() > 1)
                    .max(java.util.Comparator.comparingInt(o -> o.waiting().size())).orElseThrow();
            Booked b = officer.waiting().poll();
            String appointment = desk + "/office/appointments/" + b.id();
            boolean ok = post(client, officer, desk + "/office/check-in",
                    "{\"bookingCode\":\"" + b.bookingCode() + "\",\"nik\":\"" + b.nik() + "\"}")
                    && post(client, officer, appointment + "/interview", "{\"outcome\":\"VERIFIED\"}")
                    && post(client, officer, appointment + "/capture/face", "{\"score\":85,\"icaoCompliant\":true}")
                    && post(client, officer, appointment + "/capture/fingers", FINGERS)
                    && post(client, officer, appointment + "/decision", "{\"decision\":\"APPROVE\"}")
                    && post(client, officer, appointment + "/issuance", "");
            served += ok ? 1 : 0;
        }
        return served;
    }

    private static boolean post(java.net.http.HttpClient client, Officer officer, String url, String body) {
        try {
            var answer = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + officer.token())
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    java.net.http.HttpResponse.BodyHandlers.discarding());
            return answer.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
