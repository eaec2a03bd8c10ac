package id.go.imigrasi.mpaspor.load;

import static io.gatling.javaapi.core.CoreDsl.ByteArrayBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stressPeakUsers;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * Upload storm: {@code upload.users} applicants arrive within {@code upload.seconds}, log in, start an application
 * with themselves as applicant (NIK, birth date and sex consistent), and each uploads one
 * document of {@code upload.size} bytes with the tus 1.0 protocol (creation POST, PATCH chunks of
 * {@code upload.chunk} bytes with Upload-Offset and Upload-Checksum sha1, and on any failed PATCH a HEAD to resume
 * from the offset the server has). Shed answers are retried after Retry-After, and so is a creation answered 409
 * {@code upload-target-not-yet-known} (the applicant's event not yet at upload-service, which says so with
 * Retry-After; a 409 without it is final). The result of each upload is recorded
 * as {@code upload-complete} or {@code upload-lost}; a 460 (checksum mismatch) answer counts as a corrupted chunk.
 * bench.sh runs this simulation only when {@code POST /uploads} exists (application-service).
 */
public class UploadStormSimulation extends Simulation {

    private static final BenchConfig CONFIG = BenchConfig.load();
    private static final Recorder RECORDER = new Recorder();
    private static final String TUS = "1.0.0";

    {
        int users = CONFIG.integer("upload.users", 20);
        int from = CONFIG.integer("spike.users", 0);     // the accounts after the spike's
        int seconds = CONFIG.integer("upload.seconds", 5);
        int size = CONFIG.integer("upload.size", 1 << 20);
        int chunk = CONFIG.integer("upload.chunk", 256 << 10);
        int maxAttempts = CONFIG.integer("upload.max-attempts", 40);
        double maxPause = CONFIG.decimal("upload.max-pause", 5);
        String base = CONFIG.string("upload.url", "http://127.0.0.1:8088");
        String metadata = CONFIG.string("upload.metadata",
                "applicationId #{applicationId},applicantId #{applicantId},documentType EKTP,filename ektp.jpg");

        // the application and its applicant the document belongs to (application-service requires both ids)
        ChainBuilder prepare = Journeys.applicationWithApplicant(CONFIG, RECORDER);

        ChainBuilder create = exec(s -> s.set("attempt", 0))
                .asLongAs(s -> !s.contains("location") && s.getInt("attempt") < maxAttempts).on(
                        exec(Recorder::arm)
                                .exec(http("upload-create").post(base + "/uploads")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Tus-Resumable", TUS)
                                        .header("Upload-Length", String.valueOf(size))
                                        .header("Upload-Metadata", s -> encodeMetadata(metadata
                                                .replace("#{applicationId}", s.getString("applicationId"))
                                                .replace("#{applicantId}", s.getString("applicantId"))))
                                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                header("Location").optional().saveAs("location"),
                                                status().in(201, 409, 429, 503)))
                                .exec(s -> RECORDER.record("upload-create", s))
                                .exec(s -> s.set("attempt", finalRefusal(s) ? maxAttempts : s.getInt("attempt") + 1))
                                .doIf(s -> !s.contains("location")).then(
                                        exec(s -> s.set("pause", Journeys.retryPause(s, maxPause)))
                                                .pause(s -> s.<Duration>get("pause"))));

        ChainBuilder send = exec(s -> s.set("offset", 0L).set("attempt", 0)
                .set("url", resolve(base, s.getString("location"))).set("startedUpload", System.currentTimeMillis()))
                .asLongAs(s -> s.getLong("offset") < size && s.getInt("attempt") < maxAttempts).on(
                        exec(Recorder::arm)
                                .exec(http("upload-patch").patch("#{url}")
                                        .header("Authorization", "Bearer #{token}")
                                        .header("Tus-Resumable", TUS)
                                        .header("Content-Type", "application/offset+octet-stream")
                                        .header("Upload-Offset", s -> String.valueOf(s.getLong("offset")))
                                        .header("Upload-Checksum", s -> "sha1 " + sha1(chunk(s, size, chunk)))
                                        .body(ByteArrayBody(s -> chunk(s, size, chunk)))
                                        .check(status().saveAs(Recorder.STATUS), responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                header("Upload-Offset").optional().saveAs("serverOffset"),
                                                status().in(204, 429, 503)))
                                .exec(s -> RECORDER.record("upload-patch", s))
                                .exec(s -> s.set("attempt", s.getInt("attempt") + 1))
                                .doIfOrElse(s -> s.contains(Recorder.STATUS) && s.getInt(Recorder.STATUS) == 204
                                        && s.contains("serverOffset"))
                                .then(exec(s -> s.set("offset", Long.parseLong(s.getString("serverOffset")))))
                                .orElse(exec(s -> s.set("pause", Journeys.retryPause(s, maxPause)))
                                        .pause(s -> s.<Duration>get("pause"))
                                        .exec(Recorder::arm)
                                        .exec(http("upload-head").head("#{url}")
                                                .header("Authorization", "Bearer #{token}")
                                                .header("Tus-Resumable", TUS)
                                                .check(status().saveAs(Recorder.STATUS),
                                                        responseTimeInMillis().saveAs(Recorder.MILLIS),
                                                        header("Retry-After").optional().saveAs(Recorder.RETRY_AFTER),
                                                        header("Upload-Offset").optional().saveAs("serverOffset"),
                                                        status().in(200, 204, 429, 503)))
                                        .exec(s -> RECORDER.record("upload-head", s))
                                        .doIf(s -> s.contains("serverOffset")).then(
                                                exec(s -> s.set("offset", Long.parseLong(s.getString("serverOffset")))))))
                .exec(s -> RECORDER.record(s.getLong("offset") == size ? "upload-complete" : "upload-lost",
                        s.set(Recorder.STATUS, s.getLong("offset") == size ? 200 : -1)
                                .set(Recorder.MILLIS, (int) (System.currentTimeMillis() - s.getLong("startedUpload")))));

        ScenarioBuilder storm = scenario("upload storm")
                .feed(Journeys.accounts(CONFIG, from, users))
                .exec(Journeys.login(CONFIG, RECORDER))
                .doIf(s -> s.contains(Journeys.TOKEN)).then(prepare)
                .doIf(s -> s.contains("applicantId")).then(create)
                .doIf(s -> s.contains("location")).then(send);

        setUp(storm.injectOpen(stressPeakUsers(users).during(Duration.ofSeconds(seconds))))
                .protocols(Journeys.protocol(CONFIG))
                .maxDuration(Duration.ofSeconds(CONFIG.integer("upload.max-seconds", 600)));
    }

    /** A 409 without Retry-After (the application is no longer a draft): asking again would not change it. */
    private static boolean finalRefusal(Session s) {
        return s.contains(Recorder.STATUS) && s.getInt(Recorder.STATUS) == 409 && !s.contains(Recorder.RETRY_AFTER);
    }

    /** The Dukcapil record of the applicant {@link #applicant(String)} describes. */
    static String person(String nik) {
        return "{\"nik\":\"" + nik + "\",\"fullName\":\"Pemohon Uji " + nik.substring(12) + "\",\"birthDate\":\""
                + Nik.birthDate(nik) + "\",\"birthPlace\":\"Jakarta\",\"sex\":\"" + (Nik.female(nik) ? "FEMALE" : "MALE")
                + "\"}";
    }

    /** An adult applicant whose birth date and sex agree with the NIK (DOMAIN.md), for a new ordinary passport. */
    static String applicant(String nik) {
        return "{\"fullName\":\"Pemohon Uji " + nik.substring(12) + "\",\"nik\":\"" + nik + "\",\"birthDate\":\""
                + Nik.birthDate(nik) + "\",\"birthPlace\":\"Jakarta\",\"sex\":\"" + (Nik.female(nik) ? "FEMALE" : "MALE")
                + "\",\"motherName\":\"Siti Aminah\",\"address\":\"Jl. Merdeka No. 1, Jakarta\","
                + "\"phone\":\"081234567890\",\"questionnaire\":{\"applicationType\":\"NEW\","
                + "\"passportKind\":\"ORDINARY\",\"validityYears\":10,\"sameDayService\":false,"
                + "\"travelPurpose\":\"TOURISM\"},\"authority\":\"SELF\"}";
    }

    /** The document's bytes from {@code offset}, at most {@code chunk}: deterministic per applicant (seeded by NIK). */
    static byte[] chunk(Session s, int size, int chunk) {
        long offset = s.getLong("offset");
        byte[] all = document(s.getString("nik"), size);
        return Arrays.copyOfRange(all, (int) offset, (int) Math.min(size, offset + chunk));
    }

    static byte[] document(String nik, int size) {
        byte[] bytes = new byte[size];
        new Random(Long.parseLong(nik)).nextBytes(bytes);
        return bytes;
    }

    static String sha1(byte[] bytes) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-1").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** tus Upload-Metadata: comma-separated "key base64(value)". */
    static String encodeMetadata(String plain) {
        StringBuilder out = new StringBuilder();
        for (String pair : plain.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            out.append(out.length() == 0 ? "" : ",").append(kv[0]);
            if (kv.length == 2) {
                out.append(' ').append(Base64.getEncoder().encodeToString(kv[1].getBytes(StandardCharsets.UTF_8)));
            }
        }
        return out.toString();
    }

    /** The Location of a created upload, absolute or relative to the service's (or the gateway's) origin. */
    static String resolve(String base, String location) {
        return URI.create(base.endsWith("/") ? base : base + "/").resolve(location).toString();
    }

    @Override
    public void after() {
        RECORDER.write(CONFIG.resultsDir(), "upload-storm");
    }
}
