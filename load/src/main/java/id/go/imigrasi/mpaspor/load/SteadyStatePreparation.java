package id.go.imigrasi.mpaspor.load;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.upload.client.TusUploadException;
import id.go.imigrasi.mpaspor.upload.client.TusUploader;

/**
 * Brings applicants to the moment before submission, the way the app does, through the public API: an application
 * with the applicant (a NIK the Dukcapil stub knows), every required document uploaded with the project's tus
 * client and accepted by the asynchronous validation, and a hold on the steady-state date. What it measures is only
 * reported (how many are ready, how long it took); the steady-state figures are the submissions that follow.
 * Overload answers (429/503) are retried after Retry-After, like the app.
 */
public final class SteadyStatePreparation {

    /** An applicant ready to submit ({@code holdId} null when prepared without a hold), with the NIK held. */
    public record Ready(String token, String applicationId, String holdId, String clientIp, String nik, String office) {

        /** The same applicant once {@code holdId} holds a place for them. */
        public Ready holding(String holdId) {
            return new Ready(token, applicationId, holdId, clientIp, nik, office);
        }

        /** The body of {@code POST /holds} for this applicant's NIK on {@code date}. */
        public String holdRequest(String date) {
            return "{\"officeCode\":\"" + office + "\",\"date\":\"" + date
                    + "\",\"session\":\"MORNING\",\"service\":\"REGULAR\",\"niks\":[\"" + nik + "\"]}";
        }
    }

    /** How the preparation went. */
    public record Outcome(List<Ready> ready, int wanted, Map<String, Integer> failures, Duration took) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ACCEPTANCE_WAIT = Duration.ofSeconds(90);

    private final BenchConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AccessTokens tokens;
    private final byte[] scan = scan();
    private final String application;
    private final String upload;
    private final String quota;
    private final String dukcapil;

    public SteadyStatePreparation(BenchConfig config) {
        this.config = config;
        this.tokens = AccessTokens.fromPem(java.nio.file.Path.of(config.string("jwt.key", ".run/keys/private.pem")),
                config.string("jwt.issuer", "https://mpaspor.imigrasi.go.id"));
        // the preparation is not what is measured: it talks to the services directly, not through the gateway
        this.application = config.string("application.direct-url", config.string("application.url", "http://127.0.0.1:8082"));
        this.upload = config.string("upload.direct-url", config.string("upload.url", "http://127.0.0.1:8088"));
        this.quota = config.string("quota.direct-url", config.string("quota.url", "http://127.0.0.1:8083"));
        this.dukcapil = config.string("dukcapil.url", "http://127.0.0.1:8091");
    }

    /** Prepares {@code count} applicants with the account indexes {@code from .. from + count - 1}, each with a hold. */
    public Outcome prepare(int from, int count) {
        return prepare(from, count, true);
    }

    /** The same; without a hold when {@code hold} is false (the caller holds the place itself, measured). */
    public Outcome prepare(int from, int count, boolean hold) {
        long started = System.nanoTime();
        int threads = config.integer("steady.prepare-threads", 8);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Map<String, Integer> failures = new java.util.concurrent.ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        List<Future<Optional<Ready>>> futures = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                try {
                    return Optional.of(one(index, hold));
                } catch (PreparationException e) {
                    failures.merge(e.getMessage(), 1, Integer::sum);
                    return Optional.empty();
                } finally {
                    int n = done.incrementAndGet();
                    if (n % 100 == 0) {
                        System.out.println("LOAD steady-state: " + n + " of " + count + " applicants prepared");
                    }
                }
            }));
        }
        List<Ready> ready = new ArrayList<>();
        for (Future<Optional<Ready>> f : futures) {
            try {
                f.get().ifPresent(ready::add);
            } catch (Exception e) {
                failures.merge("unexpected: " + e, 1, Integer::sum);
            }
        }
        pool.shutdown();
        return new Outcome(ready, count, Map.copyOf(failures), Duration.ofNanos(System.nanoTime() - started));
    }

    private Ready one(int index, boolean hold) {
        int run = config.integer("run", 0);
        String nik = Nik.of(run, index);
        String office = config.list("spike.offices", "SOETTA").get(index % config.list("spike.offices", "SOETTA").size());
        String token = tokens.applicant(UUID.randomUUID(), "steady-" + run + "-" + index + "@load.mpaspor.test");

        call("dukcapil-register", "POST", dukcapil + "/admin/nik", null, UploadStormSimulation.person(nik));
        String applicationId = call("application-create", "POST", application + "/applications", token, "{}")
                .path("id").asText();
        String applicantId = call("applicant-add", "POST", application + "/applications/" + applicationId
                + "/applicants", token, UploadStormSimulation.applicant(nik)).path("id").asText();

        JsonNode requirements = call("requirements", "GET", application + "/applications/" + applicationId
                + "/requirements", token, null);
        TusUploader uploader = TusUploader.builder().endpoint(URI.create(upload + "/uploads")).bearerToken(token)
                .chunkSize(64 * 1024).deadline(Duration.ofMinutes(2)).build();
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
                    throw new PreparationException("upload " + type + ": " + e.getMessage());
                }
            }
        }
        awaitReadyToSubmit(token, applicationId);

        Ready ready = new Ready(token, applicationId, null, Journeys.clientIp(index), nik, office);
        if (!hold) {
            return ready;
        }
        return ready.holding(call("hold", "POST", quota + "/holds", token,
                ready.holdRequest(config.string("steady.date", ""))).path("holdId").asText());
    }

    /**
     * Submits these applicants one by one and waits for each billing code, unmeasured: the first bills after a start
     * load classes and compile code in every service of the chain (application, billing, back), seconds that would
     * otherwise be charged to the first measured submissions.
     */
    public void warmUp(List<Ready> applicants) {
        for (Ready r : applicants) {
            call("warm-up submit", "POST", application + "/applications/" + r.applicationId() + "/submission", r.token(),
                    "{\"holdId\":\"" + r.holdId() + "\"}");
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (System.nanoTime() < deadline && call("warm-up read", "GET", application + "/applications/"
                    + r.applicationId(), r.token(), null).path("billing").path("billingCode").isMissingNode()) {
                pause(Duration.ofMillis(100));
            }
        }
    }

    private void awaitReadyToSubmit(String token, String applicationId) {
        long deadline = System.nanoTime() + ACCEPTANCE_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode r = call("requirements", "GET", application + "/applications/" + applicationId + "/requirements",
                    token, null);
            if (r.path("readyToSubmit").asBoolean()) {
                return;
            }
            pause(Duration.ofMillis(250));
        }
        throw new PreparationException("documents not accepted within " + ACCEPTANCE_WAIT.toSeconds() + " s");
    }

    /** One API call; 429/503 are retried after Retry-After (x [1, 2)), anything else but 2xx fails the applicant. */
    private JsonNode call(String what, String method, String url, String token, String body) {
        for (int attempt = 1; attempt <= 30; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<String> response;
            try {
                response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                pause(Duration.ofSeconds(1));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PreparationException(what + ": interrupted");
            }
            int status = response.statusCode();
            if (status / 100 == 2) {
                try {
                    return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
                } catch (IOException e) {
                    throw new PreparationException(what + ": unreadable answer");
                }
            }
            boolean holdNotKnownYet = status == 409 && what.endsWith("submit")
                    && response.headers().firstValue("Retry-After").isPresent();
            if (status != 429 && status != 503 && !holdNotKnownYet) {
                throw new PreparationException(what + ": " + status);
            }
            double seconds = response.headers().firstValue("Retry-After").map(SteadyStatePreparation::seconds).orElse(1.0);
            pause(Duration.ofMillis((long) (1000 * seconds * (1 + ThreadLocalRandom.current().nextDouble()))));
        }
        throw new PreparationException(what + ": still shed after 30 attempts");
    }

    private static double seconds(String retryAfter) {
        try {
            return Math.max(0.1, Double.parseDouble(retryAfter.trim()));
        } catch (NumberFormatException httpDate) {
            return 1;
        }
    }

    private static void pause(Duration d) {
        try {
            TimeUnit.MILLISECONDS.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PreparationException("interrupted");
        }
    }

    /** A legible 640x480 PNG scan (the validation wants an image of at least 600x400). */
    static byte[] scan() {
        BufferedImage image = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(new Color(0xF4F1E8));
            g.fillRect(0, 0, 640, 480);
            g.setColor(new Color(0x1F3A5F));
            for (int y = 60; y < 440; y += 40) {   // lines of "text", no font needed on a headless machine
                g.fillRect(40, y, 200 + (y * 7) % 340, 12);
            }
            g.drawRect(20, 20, 600, 440);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static final class PreparationException extends RuntimeException {
        PreparationException(String message) {
            super(message, null, false, false);
        }
    }
}
