package id.go.imigrasi.mpaspor.load;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.upload.client.TusUploadException;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;

/**
 * The fault-injection run's client and fault schedule (started by {@code load/faults.sh}, which also starts the stack
 * and counts the effects in the databases and on the topics). N applicants are brought to the point of submission
 * through the gateway (application, applicant with a NIK the Dukcapil stub knows, documents by tus, a hold); then
 * all N journeys run at once: submit, wait for the billing code, pay through the signed channel callback, wait for
 * the appointment, each request retried after Retry-After (or 1 s) as the app does. Meanwhile:
 * <ol>
 * <li>when a third of the submissions are acknowledged, the Kafka broker is frozen (SIGSTOP) for the freeze time,
 * then thawed (SIGCONT);</li>
 * <li>when a third of the bills are visible, billing-service is killed (SIGKILL) and restarted
 * ({@code ./mpaspor up});</li>
 * <li>when a third of the payments are acknowledged, quota-service is killed and restarted the same way.</li>
 * </ol>
 * Every answer is recorded: 5xx and over 2 s are counted. Writes {@code key=value} lines to the output file.
 * <pre>
 * java -cp ... id.go.imigrasi.mpaspor.load.FaultRun OUTPUT_FILE
 * </pre>
 * Configuration by environment: FAULTS_API (the gateway's /api/v1), FAULTS_DUKCAPIL, FAULTS_KEY (the stack's JWT
 * private key), FAULTS_SECRET (the payment channel's secret file), FAULTS_CHANNEL, FAULTS_JOURNEYS, FAULTS_DATE,
 * FAULTS_OFFICE, FAULTS_FREEZE_SECONDS, FAULTS_RUN_DIR (pids), FAULTS_LAUNCHER (./mpaspor), FAULTS_RUN_ID,
 * FAULTS_JOURNEY_TIMEOUT_SECONDS.
 */
public final class FaultRun {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SLOW = Duration.ofSeconds(2);

    private final String api = env("FAULTS_API", "http://127.0.0.1:8080/api/v1");
    private final String dukcapil = env("FAULTS_DUKCAPIL", "http://127.0.0.1:8091");
    private final String channel = env("FAULTS_CHANNEL", "bank-teller");
    private final String secret;
    private final int journeys = Integer.parseInt(env("FAULTS_JOURNEYS", "30"));
    private final String date = env("FAULTS_DATE", "");
    private final String office = env("FAULTS_OFFICE", "SOETTA");
    private final int freezeSeconds = Integer.parseInt(env("FAULTS_FREEZE_SECONDS", "60"));
    private final Path runDir = Path.of(env("FAULTS_RUN_DIR", ".run"));
    private final String launcher = env("FAULTS_LAUNCHER", "./mpaspor");
    private final int run = Integer.parseInt(env("FAULTS_RUN_ID", String.valueOf(Instant.now().getEpochSecond() % 1000)));
    private final Duration journeyTimeout = Duration.ofSeconds(Long.parseLong(env("FAULTS_JOURNEY_TIMEOUT_SECONDS", "900")));
    private final AccessTokens tokens;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final byte[] scan = SteadyStatePreparation.scan();

    // what the client saw
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong answers5xx = new AtomicLong();
    private final AtomicLong noAnswer = new AtomicLong();
    /** The requests over 2 s or without an answer, by route and status: where a fault made clients wait. */
    private final Map<String, AtomicLong> slowRoutes = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, String> slowFirst = new ConcurrentHashMap<>();
    private final AtomicLong slow = new AtomicLong();
    private final AtomicLong maxMillis = new AtomicLong();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger submitted = new AtomicInteger();
    private final AtomicInteger billed = new AtomicInteger();
    private final AtomicInteger paid = new AtomicInteger();
    private final AtomicInteger scheduled = new AtomicInteger();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();
    private final List<String> faults = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** An applicant ready to submit. */
    record Ready(int index, String token, String applicationId, String holdId) {
    }

    private FaultRun() {
        this.tokens = AccessTokens.fromPem(Path.of(env("FAULTS_KEY", ".run/keys/private.pem")),
                env("FAULTS_ISSUER", "https://mpaspor.imigrasi.go.id"));
        try {
            this.secret = Files.readString(Path.of(env("FAULTS_SECRET", ".run/secrets/billing-bank-teller"))).trim();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the channel's secret: " + e.getMessage(), e);
        }
    }

    public static void main(String[] args) throws Exception {
        new FaultRun().run(Path.of(args[0]));
    }

    private void run(Path output) throws Exception {
        long started = System.nanoTime();
        say("preparing " + journeys + " applicants through " + api + " (application, applicant, documents, hold)");
        List<Ready> ready = prepare();
        say(ready.size() + " of " + journeys + " ready to submit after " + seconds(started) + " s"
                + (failures.isEmpty() ? "" : ", preparation failures " + failures));
        long sagaStarted = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, ready.size()) + 1);
        Future<?> schedule = pool.submit(() -> faultSchedule(ready.size()));
        List<Future<String>> outcomes = new ArrayList<>();
        for (Ready r : ready) {
            outcomes.add(pool.submit(() -> journey(r)));
        }
        Map<String, Integer> ends = new java.util.TreeMap<>();
        for (Future<String> f : outcomes) {
            String end;
            try {
                end = f.get(journeyTimeout.toSeconds() + 60, TimeUnit.SECONDS);
            } catch (Exception e) {
                end = "journey failed: " + e;
            }
            ends.merge(end, 1, Integer::sum);
        }
        schedule.cancel(true);
        pool.shutdownNow();
        say("journeys ended after " + seconds(sagaStarted) + " s: " + ends);

        Properties out = new Properties();
        out.setProperty("journeys.wanted", String.valueOf(journeys));
        out.setProperty("journeys.prepared", String.valueOf(ready.size()));
        out.setProperty("client.submissions-acknowledged", String.valueOf(submitted.get()));
        out.setProperty("client.bills-seen", String.valueOf(billed.get()));
        out.setProperty("client.payments-acknowledged", String.valueOf(paid.get()));
        out.setProperty("client.appointments-seen", String.valueOf(scheduled.get()));
        out.setProperty("client.requests", String.valueOf(requests.get()));
        out.setProperty("client.answers-5xx", String.valueOf(answers5xx.get()));
        out.setProperty("client.no-answer", String.valueOf(noAnswer.get()));
        out.setProperty("client.over-2s", String.valueOf(slow.get()));
        out.setProperty("client.max-ms", String.valueOf(maxMillis.get()));
        out.setProperty("client.slow-routes", slowRoutes.entrySet().stream()
                .map(e -> e.getKey() + " x" + e.getValue() + " (first " + slowFirst.get(e.getKey()) + ")")
                .collect(java.util.stream.Collectors.joining("; ")));
        out.setProperty("client.by-status", new java.util.TreeMap<>(byStatus).toString());
        out.setProperty("journeys.ends", ends.toString());
        out.setProperty("preparation.failures", failures.toString());
        out.setProperty("faults", String.join("; ", faults));
        out.setProperty("saga.seconds", String.valueOf(seconds(sagaStarted)));
        try (var w = Files.newBufferedWriter(output)) {
            out.store(w, "fault run");
        }
    }

    // --- the applicant's journey ---------------------------------------------------------------------------------

    private List<Ready> prepare() throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, Math.max(1, journeys)));
        List<Future<Optional<Ready>>> futures = new ArrayList<>();
        for (int i = 0; i < journeys; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    return Optional.of(prepareOne(index));
                } catch (JourneyException e) {
                    failures.merge(e.getMessage(), 1, Integer::sum);
                    return Optional.empty();
                }
            }));
        }
        List<Ready> ready = new ArrayList<>();
        for (Future<Optional<Ready>> f : futures) {
            try {
                f.get().ifPresent(ready::add);
            } catch (java.util.concurrent.ExecutionException e) {
                failures.merge("unexpected: " + e.getCause(), 1, Integer::sum);
            }
        }
        pool.shutdown();
        return ready;
    }

    private Ready prepareOne(int index) {
        String nik = Nik.of(run, index);
        String token = tokens.applicant(UUID.randomUUID(), "faults-" + run + "-" + index + "@load.mpaspor.test");
        call("dukcapil-register", "POST", dukcapil + "/admin/nik", null, UploadStormSimulation.person(nik), Map.of(), false);
        String applicationId = call("application-create", "POST", api + "/applications", token, "{}").path("id").asText();
        String applicantId = call("applicant-add", "POST", api + "/applications/" + applicationId + "/applicants", token,
                UploadStormSimulation.applicant(nik)).path("id").asText();
        JsonNode requirements = call("requirements", "GET", api + "/applications/" + applicationId + "/requirements",
                token, null);
        TusUploader uploader = TusUploader.builder().endpoint(URI.create(api + "/uploads")).bearerToken(token)
                .chunkSize(64 * 1024).deadline(Duration.ofMinutes(5)).build();
        for (JsonNode applicant : requirements.path("applicants")) {
            for (JsonNode line : applicant.path("documents")) {
                if (!line.path("required").asBoolean()) {
                    continue;
                }
                String type = line.path("acceptedDocuments").path(0).asText();
                try {
                    uploader.upload(new ByteArrayInputStream(scan), scan.length, Map.of("applicationId", applicationId,
                            "applicantId", applicantId, "documentType", type, "filename", type.toLowerCase() + ".png"));
                } catch (TusUploadException e) {
                    throw new JourneyException("upload " + type + ": " + e.getMessage());
                }
            }
        }
        awaitThat("documents accepted", Duration.ofMinutes(3), () -> call("requirements", "GET",
                api + "/applications/" + applicationId + "/requirements", token, null).path("readyToSubmit").asBoolean());
        String hold = "{\"officeCode\":\"" + office + "\",\"date\":\"" + date + "\",\"session\":\"MORNING\","
                + "\"service\":\"REGULAR\",\"niks\":[\"" + nik + "\"]}";
        String holdId = call("hold", "POST", api + "/holds", token, hold,
                Map.of("Idempotency-Key", "faults-" + run + "-" + index), true).path("holdId").asText();
        return new Ready(index, token, applicationId, holdId);
    }

    /** Submit, billing code, payment, appointment; the end state as a word. */
    private String journey(Ready r) {
        try {
            // spread the submissions over a few seconds, as arrivals are
            Thread.sleep(ThreadLocalRandom.current().nextLong(0, 5_000));
            submit(r);
            submitted.incrementAndGet();
            JsonNode[] bill = new JsonNode[1];
            awaitThat("billing code", journeyTimeout, () -> {
                JsonNode billing = call("application", "GET", api + "/applications/" + r.applicationId(), r.token(), null)
                        .path("billing");
                bill[0] = billing;
                return billing.hasNonNull("billingCode") && billing.hasNonNull("amount");
            });
            billed.incrementAndGet();
            pay(r, bill[0].path("billingCode").asText(), bill[0].path("amount").asLong());
            paid.incrementAndGet();
            awaitThat("appointment", journeyTimeout, () -> {
                for (JsonNode a : call("appointments", "GET", api + "/appointments", r.token(), null)) {
                    if (r.applicationId().equals(a.path("applicationId").asText())) {
                        return true;
                    }
                }
                return false;
            });
            scheduled.incrementAndGet();
            return "appointment scheduled";
        } catch (JourneyException e) {
            return "stopped at " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * Submits; when an answer was lost (no answer, 5xx), the retry may find the application already submitted: the
     * application's own status says whether the first one was taken.
     */
    private void submit(Ready r) {
        String body = "{\"holdId\":\"" + r.holdId() + "\"}";
        for (int attempt = 1; attempt <= 60; attempt++) {
            Answer a = send("POST", api + "/applications/" + r.applicationId() + "/submission", r.token(), body, Map.of());
            if (a != null && a.status() / 100 == 2) {
                return;
            }
            boolean notYet = a != null && a.status() == 409 && a.retryAfter().isPresent(); // the hold is on its way
            if (a != null && a.status() / 100 == 4 && a.status() != 429 && !notYet) {
                String status = call("application", "GET", api + "/applications/" + r.applicationId(), r.token(), null)
                        .path("status").asText();
                if (!"DRAFT".equals(status)) {
                    return; // an earlier attempt was taken
                }
                throw new JourneyException("submit: " + a.status() + " " + a.body());
            }
            backOff(a);
        }
        throw new JourneyException("submit: not taken after 60 attempts");
    }

    /** The channel reports the payment; the same reference and body on every retry (callbacks are idempotent). */
    private void pay(Ready r, String billingCode, long amount) {
        String body = "{\"billingCode\":\"" + billingCode + "\",\"amount\":" + amount + ",\"channelReference\":\"FAULTS-"
                + run + "-" + r.index() + "\",\"paidAt\":\"" + Instant.now() + "\"}";
        for (int attempt = 1; attempt <= 60; attempt++) {
            String timestamp = String.valueOf(Instant.now().getEpochSecond());
            Answer a = send("POST", api + "/payments/callbacks/" + channel, null, body,
                    Map.of("X-Mpaspor-Timestamp", timestamp, "X-Mpaspor-Signature", sign(timestamp, body)));
            if (a != null && a.status() / 100 == 2) {
                return;
            }
            if (a != null && a.status() / 100 == 4 && a.status() != 429 && a.status() != 409) {
                throw new JourneyException("payment: " + a.status() + " " + a.body());
            }
            backOff(a);
        }
        throw new JourneyException("payment: not taken after 60 attempts");
    }

    private String sign(String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- the faults ------------------------------------------------------------------------------------------------

    private void faultSchedule(int total) {
        try {
            int third = Math.max(1, total / 3);
            if (!waitFor(() -> submitted.get() >= third)) {
                return;
            }
            signal("kafka", "STOP");
            fault("kafka frozen (SIGSTOP) at " + submitted.get() + " submissions acknowledged, for " + freezeSeconds + " s");
            Thread.sleep(freezeSeconds * 1000L);
            signal("kafka", "CONT");
            fault("kafka thawed (SIGCONT) at " + submitted.get() + " submissions, " + billed.get() + " bills seen");
            if (waitFor(() -> billed.get() >= third)) {
                killAndRestart("billing-service", "at " + billed.get() + " bills seen, " + paid.get() + " payments");
            }
            if (waitFor(() -> paid.get() >= third)) {
                killAndRestart("quota-service", "at " + paid.get() + " payments, " + scheduled.get() + " appointments");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            fault("fault schedule broke: " + e);
        }
    }

    private boolean waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + journeyTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    private void killAndRestart(String component, String when) throws IOException, InterruptedException {
        signal(component, "KILL");
        fault(component + " killed (SIGKILL) " + when);
        Thread.sleep(2_000);
        long started = System.nanoTime();
        Process up = new ProcessBuilder(launcher, "up").redirectErrorStream(true)
                .redirectOutput(runDir.resolve("logs").resolve("faults-restart-" + component + ".log").toFile()).start();
        boolean healthy = up.waitFor(5, TimeUnit.MINUTES) && up.exitValue() == 0;
        fault(component + " restarted by ./mpaspor up in " + seconds(started) + " s" + (healthy ? "" : " (NOT healthy)"));
    }

    private void signal(String component, String signal) throws IOException, InterruptedException {
        String pid = Files.readString(runDir.resolve("pids").resolve(component + ".pid")).trim();
        Process kill = new ProcessBuilder("kill", "-" + signal, pid).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -" + signal + " " + pid + " (" + component + ") failed");
        }
    }

    private void fault(String what) {
        faults.add(what);
        say("FAULT " + what);
    }

    // --- HTTP -------------------------------------------------------------------------------------------------------

    record Answer(int status, String body, Optional<String> retryAfter) {
    }

    private JsonNode call(String what, String method, String url, String token, String body) {
        return call(what, method, url, token, body, Map.of(), true);
    }

    /** A call that must succeed: 429/503/no answer are retried after Retry-After (or 1 s), other errors fail. */
    private JsonNode call(String what, String method, String url, String token, String body, Map<String, String> headers,
            boolean counted) {
        for (int attempt = 1; attempt <= 120; attempt++) {
            Answer a = counted ? send(method, url, token, body, headers) : sendUncounted(method, url, token, body);
            if (a != null && a.status() / 100 == 2) {
                try {
                    return a.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(a.body());
                } catch (IOException e) {
                    throw new JourneyException(what + ": unreadable answer");
                }
            }
            boolean holdNotKnownYet = a != null && a.status() == 409 && a.retryAfter().isPresent();
            if (a != null && a.status() != 429 && a.status() / 100 != 5 && !holdNotKnownYet) {
                throw new JourneyException(what + ": " + a.status());
            }
            backOff(a);
        }
        throw new JourneyException(what + ": still no answer after 120 attempts");
    }

    private Answer send(String method, String url, String token, String body, Map<String, String> headers) {
        requests.incrementAndGet();
        long started = System.nanoTime();
        Answer a = sendUncounted(method, url, token, body, headers);
        long millis = (System.nanoTime() - started) / 1_000_000;
        maxMillis.accumulateAndGet(millis, Math::max);
        if (millis > SLOW.toMillis() || a == null) {
            if (millis > SLOW.toMillis()) {
                slow.incrementAndGet();
            }
            String route = method + " " + URI.create(url).getPath().replaceAll(
                    "/[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}", "/{id}")
                    .replaceAll("/\\d{6,}", "/{number}");
            String key = route + " -> " + (a == null ? "no answer" : a.status());
            slowRoutes.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
            slowFirst.putIfAbsent(key, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        }
        if (a == null) {
            noAnswer.incrementAndGet();
        } else {
            byStatus.computeIfAbsent(a.status(), s -> new AtomicLong()).incrementAndGet();
            if (a.status() >= 500) {
                answers5xx.incrementAndGet();
            }
        }
        return a;
    }

    private Answer sendUncounted(String method, String url, String token, String body) {
        return sendUncounted(method, url, token, body, Map.of());
    }

    private Answer sendUncounted(String method, String url, String token, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().firstValue("Retry-After"));
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyException("interrupted");
        }
    }

    private static void backOff(Answer a) {
        double seconds = 1;
        if (a != null && a.retryAfter().isPresent()) {
            try {
                seconds = Math.max(0.2, Math.min(10, Double.parseDouble(a.retryAfter().get().trim())));
            } catch (NumberFormatException httpDate) {
                seconds = 1;
            }
        }
        pause(Duration.ofMillis((long) (1000 * seconds * (1 + ThreadLocalRandom.current().nextDouble()))));
    }

    private void awaitThat(String what, Duration within, BooleanSupplier condition) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            pause(Duration.ofMillis(1_000));
        }
        throw new JourneyException(what + " not within " + within.toSeconds() + " s");
    }

    private static void pause(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JourneyException("interrupted");
        }
    }

    private static long seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void say(String line) {
        System.out.println("FAULTS " + Instant.now().toString().substring(11, 19) + " " + line);
    }

    static final class JourneyException extends RuntimeException {
        JourneyException(String message) {
            super(message, null, false, false);
        }
    }
}
