package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/** The pieces of the applicant's journey the scenarios share: the seeded accounts, login with polite retries. */
public final class Journeys {

    public static final String TOKEN = "token";
    /** The virtual user's own client address, sent as X-Forwarded-For. */
    public static final String CLIENT_IP = "clientIp";

    private Journeys() {
    }

    /**
     * Loopback only: Gatling's own warm-up request (by default to gatling.io) reads the office list. The connections
     * leave from {@code client.address} (127.0.0.2 from load/bench.sh), the one address the local stack's gateway
     * trusts as a proxy: there the virtual users' X-Forwarded-For counts, from anywhere else it does not.
     */
    public static HttpProtocolBuilder protocol(BenchConfig config) {
        HttpProtocolBuilder protocol = http.warmUp(config.string("quota.url", "http://127.0.0.1:8083") + "/offices")
                .acceptHeader("application/json").contentTypeHeader("application/json")
                .userAgentHeader("mpaspor-load/1.0")
                // one address per virtual user: the gateway rate-limits per client address, and trusts the
                // X-Forwarded-For of the proxies it is configured to trust (the local stack: client.address)
                .header("X-Forwarded-For", "#{" + CLIENT_IP + "}");
        String clientAddress = config.string("client.address", "");
        return clientAddress.isBlank() ? protocol : protocol.localAddress(clientAddress);
    }

    /**
     * The seeded verified accounts {@code load-<i>@load.mpaspor.test}, {@code from <= i < from + count}, each with a
     * valid NIK of its own and one of the offices, in turn.
     */
    public static Iterator<Map<String, Object>> accounts(BenchConfig config, int from, int count) {
        int run = config.integer("run", 0);
        var offices = config.list("spike.offices", "SOETTA");
        return IntStream.range(from, from + count).<Map<String, Object>>mapToObj(i -> Map.of(
                "email", "load-" + i + "@load.mpaspor.test",
                "nik", Nik.of(run, i),
                "office", offices.get(i % offices.size()),
                CLIENT_IP, clientIp(i))).iterator();
    }

    /** A distinct private address per account index (10.0.0.0/8). */
    public static String clientIp(int index) {
        return "10." + ((index >> 16) & 255) + "." + ((index >> 8) & 255) + "." + (index & 255);
    }

    /**
     * Logs in ({@code #{email}}, the bench password) until it gets a token or {@code login.max-attempts} answers.
     * A shed answer (429/503) is retried after its Retry-After with jitter (between 1× and 2× the value, at most
     * {@code login.max-pause} seconds, 60 by default), as a person does whom the website shows the wait.
     */
    public static ChainBuilder login(BenchConfig config, Recorder recorder) {
        String url = config.string("account.url", "http://127.0.0.1:8081") + "/auth/login";
        String password = config.string("password", "");
        int maxAttempts = config.integer("login.max-attempts", 30);
        double maxPause = config.decimal("login.max-pause", 60);
        return exec(s -> s.set("attempt", 0))
                .asLongAs(s -> !s.contains(TOKEN) && s.getInt("attempt") < maxAttempts).on(
                        exec(Recorder::arm)
                                .exec(http("login").post(url)
                                        .body(StringBody("{\"email\":\"#{email}\",\"password\":\"" + password + "\"}"))
                                        .check(status().saveAs(Recorder.STATUS),
                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                regex("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").optional().saveAs(TOKEN),
                                                status().in(200, 429, 503)))
                                .exec(s -> recorder.record("login", s))
                                .exec(s -> s.set("attempt", s.getInt("attempt") + 1))
                                .doIf(s -> !s.contains(TOKEN)).then(
                                        exec(s -> s.set("pause", retryPause(s, maxPause)))
                                                .pause(s -> s.<Duration>get("pause"))));
    }

    /** Retry-After (seconds; 1 s when absent) times a random factor in [1, 2), capped. */
    static Duration retryPause(Session session, double maxSeconds) {
        double base = 1;
        if (session.contains(Recorder.RETRY_AFTER)) {
            try {
                base = Math.max(0.1, Double.parseDouble(session.getString(Recorder.RETRY_AFTER).trim()));
            } catch (NumberFormatException httpDate) {
                base = 1;
            }
        }
        double seconds = Math.min(maxSeconds, base * (1 + ThreadLocalRandom.current().nextDouble()));
        return Duration.ofMillis((long) (seconds * 1000));
    }

    /**
     * An application with the user's applicant ({@code #{nik}}, registered at the Dukcapil stub first), as the app
     * creates it before documents and the quota hold: saves {@code applicationId} and {@code applicantId}. quota-service
     * holds places only for applicants of the account's applications (it learns them from application.events).
     */
    public static ChainBuilder applicationWithApplicant(BenchConfig config, Recorder recorder) {
        String base = config.string("application.url", "http://127.0.0.1:8082");
        String dukcapil = config.string("dukcapil.url", "http://127.0.0.1:8091");
        return exec(Recorder::arm)
                .exec(http("application-create").post(base + "/applications")
                        .header("Authorization", "Bearer #{token}").body(StringBody("{}"))
                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                regex("\"id\"\\s*:\\s*\"([^\"]+)\"").optional().saveAs("applicationId"),
                                status().in(201, 429, 503)))
                .exec(s -> recorder.record("application-create", s))
                .doIf(s -> s.contains("applicationId")).then(
                        // the civil registry knows these people (the stub's admin API stands in for Dukcapil's data)
                        exec(http("dukcapil-register").post(dukcapil + "/admin/nik")
                                .body(StringBody(s -> UploadStormSimulation.person(s.getString("nik")))).asJson()
                                .check(status().in(200, 201, 204)))
                        .exec(Recorder::arm)
                                .exec(http("applicant-add").post(base + "/applications/#{applicationId}/applicants")
                                        .header("Authorization", "Bearer #{token}")
                                        .body(StringBody(s -> UploadStormSimulation.applicant(s.getString("nik"))))
                                        .check(status().saveAs(Recorder.STATUS),
                                                responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                regex("\"id\"\\s*:\\s*\"([^\"]+)\"").optional().saveAs("applicantId"),
                                                status().in(201, 429, 503)))
                                .exec(s -> recorder.record("applicant-add", s)));
    }
}
