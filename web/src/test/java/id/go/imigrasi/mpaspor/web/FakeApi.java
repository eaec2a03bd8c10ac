package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the gateway's public API (what the tests need of it): registration answers with the API's
 * problem+json field errors, or 503 + Retry-After for the address {@code busy@example.id}. It records every
 * request so a test can prove that nothing reached the API.
 * <p>
 * For the logged-in pages: {@code POST /auth/login} gives tokens, {@link #APPLICATION} is an application of two
 * applicants at office {@code MKS} (WITA), its bill is {@link #billStatus} (Rp1.900.000, deadline
 * {@link #BILL_EXPIRES}), and {@code POST /holds} answers from {@link #HOLD_ANSWERS} (a queue of statuses: 409 is
 * applicants-not-yet-known with Retry-After 1, 503 has Retry-After 2), 201 once the queue is empty. Each hold
 * request's Idempotency-Key, X-Forwarded-For and source address are kept in {@link #HOLD_KEYS}. The office
 * catalogue ({@code GET /offices}) is {@link #MKS}, with its hours and services, and {@link #TIM}, without. The
 * documents of a draft application and the tus uploads of the plain upload form: {@link FakeDocuments}.
 */
public class FakeApi implements QuarkusTestResourceLifecycleManager {

    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    public static final String APPLICATION = "0b6c1f55-2b0f-4d38-9d0e-7a4a50d3c001";
    public static final String HOLD = "7f0d7c8e-5b7a-4c3f-9e59-3c2b8b6f0a11";
    public static final String BILL_EXPIRES = "2099-12-04T07:52:00Z";
    public static final java.util.Queue<Integer> HOLD_ANSWERS = new java.util.concurrent.ConcurrentLinkedQueue<>();
    public static final List<String> HOLD_KEYS = new CopyOnWriteArrayList<>();
    /** The bodies of POST /holds and the queries of the MKS calendar, in order (the line and kind asked for). */
    public static final List<String> HOLD_BODIES = new CopyOnWriteArrayList<>();
    public static final List<String> CALENDAR_QUERIES = new CopyOnWriteArrayList<>();
    public static volatile String billStatus = "ISSUED";
    /** The bodies of POST /applications/{APPLICATION}/applicants: PARENT is added, anything else refused (a child). */
    public static final List<String> APPLICANT_BODIES = new CopyOnWriteArrayList<>();
    /** The privacy notice in force at the stand-in account service. */
    public static final String NOTICE = "2026-12-01";
    /** Whether {@code lama@example.id} (who accepted an older notice only) has accepted the current one. */
    public static final java.util.concurrent.atomic.AtomicBoolean OLD_NOTICE_ACCEPTED =
            new java.util.concurrent.atomic.AtomicBoolean();
    /** Refresh tokens as the account service keeps them: rotated on use, a rotated one presented again is theft. */
    public static final java.util.Set<String> SPENT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public static final java.util.Set<String> REVOKED = java.util.concurrent.ConcurrentHashMap.newKeySet();
    public static final List<String> UPLOADS = new CopyOnWriteArrayList<>();
    /** The query strings the document advisor page asked {@code /document-requirements} with. */
    public static final List<String> ADVICE_QUERIES = new CopyOnWriteArrayList<>();
    public static final java.util.concurrent.atomic.AtomicInteger REFRESHES = new java.util.concurrent.atomic.AtomicInteger();
    /**
     * Makassar (WITA) as the office catalogue answers for it: open Monday to Thursday 08:00-16:00 and Friday
     * 08:00-11:30 and 13:00-16:00 (the prayer break), closed at the weekend; regular and priority walk-in, no same-day.
     */
    public static final String MKS = "{\"code\":\"MKS\",\"name\":\"Kantor Imigrasi Kelas I TPI Makassar\","
            + "\"city\":\"Makassar\",\"address\":\"Jl. Perintis Kemerdekaan\",\"timeZone\":\"WITA\",\"hours\":["
            + "{\"weekday\":1,\"opens\":\"08:00\",\"closes\":\"16:00\"},{\"weekday\":2,\"opens\":\"08:00\",\"closes\":\"16:00\"},"
            + "{\"weekday\":3,\"opens\":\"08:00\",\"closes\":\"16:00\"},{\"weekday\":4,\"opens\":\"08:00\",\"closes\":\"16:00\"},"
            + "{\"weekday\":5,\"opens\":\"08:00\",\"closes\":\"11:30\"},{\"weekday\":5,\"opens\":\"13:00\",\"closes\":\"16:00\"}],"
            + "\"services\":[\"REGULAR\",\"PRIORITY_WALK_IN\"]}";
    /** Timika (WIT) as an API from before office hours answers: no hours, no services. */
    public static final String TIM = "{\"code\":\"TIM\",\"name\":\"Kantor Imigrasi Kelas II TPI Tembagapura\","
            + "\"city\":\"Mimika\",\"address\":\"Jl. Cenderawasih, Timika\",\"timeZone\":\"WIT\"}";
    /** The ready data export of Agus (issue 23). */
    static final String EXPORT = "5b2d8c1e-7f3a-4e9b-8c2d-1a0b9c8d7e6f";
    static final java.util.concurrent.atomic.AtomicBoolean EXPORT_ASKED = new java.util.concurrent.atomic.AtomicBoolean();

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = StandInServer.start(this::answer);
        return Map.of("mpaspor.web.api-url", StandInServer.apiUrl(server));
    }

    private void answer(HttpExchange exchange) throws IOException {
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String body = new String(raw, StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getPath();
        SEEN.add(exchange.getRequestMethod() + " " + path + " " + body);
        if (path.equals("/api/v1/accounts") && body.contains("busy@example.id")) {
            exchange.getResponseHeaders().set("Retry-After", "7");
            send(exchange, 503, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/service-unavailable\","
                    + "\"title\":\"Layanan sibuk\",\"status\":503}");
            return;
        }
        if (path.equals("/api/v1/accounts/privacy-notice")) {
            json(exchange, 200, "{\"version\":\"" + NOTICE + "\",\"contactEmail\":\"dpo@imigrasi.example.id\"}");
            return;
        }
        String consent = body.contains("\"privacyNoticeVersion\":\"" + NOTICE + "\"") ? ""
                : ",{\"field\":\"privacyNoticeVersion\",\"code\":\"account.privacy-notice.required\","
                        + "\"message\":\"setujui pemberitahuan privasi untuk melanjutkan\"}";
        if (path.equals("/api/v1/accounts") && body.contains("dewi@example.id")) {
            // a registration right in every field: only the privacy notice can be missing
            if (consent.isEmpty()) {
                json(exchange, 201, "{\"id\":\"5f0c2a4e-8d1b-4c7e-9a3f-2b6d8e1c4a70\",\"status\":\"PENDING_VERIFICATION\"}");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 422, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/privacy-notice-not-accepted\","
                        + "\"title\":\"Pemberitahuan privasi belum disetujui\",\"status\":422,\"errors\":["
                        + consent.substring(1) + "]}");
            }
            return;
        }
        if (path.equals("/api/v1/accounts")) {
            send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/validation\","
                    + "\"title\":\"Data tidak valid\",\"status\":400,\"errors\":["
                    + "{\"field\":\"register.body.email\",\"code\":\"validation.email\",\"message\":\"Alamat e-mail tidak valid\"},"
                    + "{\"field\":\"password\",\"code\":\"validation.password-short\",\"message\":\"Kata sandi terlalu pendek\"}"
                    + consent + "]}");
            return;
        }
        if (FakeWaitingRoom.answer(exchange, path, body)) {
            return;
        }
        if (FakeNotifications.answer(exchange, exchange.getRequestMethod(), path, body)) {
            return;
        }
        if (FakeSubscriptions.answer(exchange, exchange.getRequestMethod(), path)) {
            return;
        }
        if (FakeHelpdesk.answer(exchange, exchange.getRequestMethod(), path, body)) {
            return;
        }
        if (FakeDocuments.answer(exchange, path, raw)) {
            return;
        }
        if (journey(exchange, path, body)) {
            return;
        }
        send(exchange, 404, "{\"title\":\"Tidak ditemukan\",\"status\":404}");
    }

    private boolean journey(HttpExchange exchange, String path, String body) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/fees")) {
            json(exchange, 200, "{\"currency\":\"IDR\",\"source\":\"PP 45/2024\",\"passports\":["
                    + "{\"passportKind\":\"ELECTRONIC\",\"validityYears\":10,\"amount\":950000},"
                    + "{\"passportKind\":\"ORDINARY\",\"validityYears\":5,\"amount\":350000}],"
                    + "\"sameDaySurcharge\":1000000,\"adultAge\":17,\"minorMaxValidityYears\":5}");
        } else if (path.equals("/api/v1/fees/quote")) {
            String query = exchange.getRequestURI().getQuery();
            if (query.contains("validityYears=7")) {
                send(exchange, 400, "{\"title\":\"Data tidak valid\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"validityYears\",\"message\":\"masa berlaku ini tidak ada dalam tarif\"}]}");
            } else {
                json(exchange, 200, "{\"currency\":\"IDR\",\"lines\":[{\"item\":\"PASSPORT_ELECTRONIC_10Y\","
                        + "\"description\":\"Paspor elektronik, masa berlaku 10 tahun\",\"amount\":950000},"
                        + "{\"item\":\"SAME_DAY_SERVICE\",\"description\":\"Layanan percepatan\",\"amount\":1000000}],"
                        + "\"total\":1950000}");
            }
        } else if (method.equals("POST") && path.equals("/api/v1/application-status")) {
            // the status check: one application matches (number, NIK, birth date); anything else is the one 404
            if (body.contains("\"applicationId\":\"" + APPLICATION + "\"") && body.contains("\"nik\":\"3273151205850001\"")
                    && body.contains("\"birthDate\":\"1985-05-12\"")) {
                json(exchange, 200, "{\"status\":\"AWAITING_PAYMENT\",\"since\":\"2026-12-04T07:52:00Z\"}");
            } else if (body.contains("\"nik\":\"12\"")) {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/validation\",\"title\":"
                        + "\"Data tidak valid\",\"status\":400,\"errors\":[{\"field\":\"nik\",\"code\":"
                        + "\"validation.nik-format\",\"message\":\"NIK harus 16 digit angka\"}]}");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 404, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/application-status-not-found\","
                        + "\"title\":\"Permohonan tidak ditemukan\",\"status\":404,\"detail\":\"Tidak ada permohonan"
                        + " dengan nomor ini yang memiliki pemohon dengan NIK dan tanggal lahir tersebut.\"}");
            }
        } else if (path.equals("/api/v1/document-requirements")) {
            String query = exchange.getRequestURI().getQuery();
            ADVICE_QUERIES.add(query);
            String limits = ",\"limits\":{\"acceptedTypes\":[\"image/jpeg\",\"image/png\",\"application/pdf\"],"
                    + "\"maxBytes\":2097152,\"minImageWidth\":600,\"minImageHeight\":400}}";
            if (query.contains("applicationType=TOURIST")) {
                send(exchange, 400, "{\"title\":\"Data tidak valid\",\"status\":400,\"errors\":[{\"field\":"
                        + "\"applicationType\",\"message\":\"harus salah satu dari: NEW, RENEWAL\"}]}");
            } else if (query.contains("applicationType=LOST")) {
                json(exchange, 200, "{\"applicationType\":\"LOST\",\"minor\":false,\"adultAge\":17,"
                        + "\"maxValidityYears\":null,\"bookableOnline\":false,\"documents\":[],"
                        + "\"bringToTheOffice\":[\"EKTP\",\"KK\",\"POLICE_REPORT_OF_LOSS\"]" + limits);
            } else if (query.contains("minor=true")) {
                json(exchange, 200, "{\"applicationType\":\"NEW\",\"minor\":true,\"adultAge\":17,"
                        + "\"maxValidityYears\":5,\"bookableOnline\":true,\"documents\":["
                        + "{\"code\":\"KK\",\"acceptedDocuments\":[\"KK\"],\"required\":true},"
                        + "{\"code\":\"PARENTS_PASSPORT\",\"acceptedDocuments\":[\"PARENTS_PASSPORT\"],\"required\":false}],"
                        + "\"bringToTheOffice\":[]" + limits);
            } else {
                json(exchange, 200, "{\"applicationType\":\"NEW\",\"minor\":false,\"adultAge\":17,"
                        + "\"maxValidityYears\":null,\"bookableOnline\":true,\"documents\":["
                        + "{\"code\":\"EKTP\",\"acceptedDocuments\":[\"EKTP\"],\"required\":true},"
                        + "{\"code\":\"PROOF_OF_BIRTH_DATA\",\"acceptedDocuments\":[\"BIRTH_CERTIFICATE\",\"DIPLOMA\"],"
                        + "\"required\":true}],\"bringToTheOffice\":[]" + limits);
            }
        } else if (method.equals("POST") && path.equals("/api/v1/uploads")) {
            UPLOADS.add("POST " + exchange.getRequestHeaders().getFirst("Content-Length") + " "
                    + exchange.getRequestHeaders().getFirst("Upload-Length") + " "
                    + exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/api/v1/uploads/u-123");
            exchange.getResponseHeaders().set("Tus-Resumable", "1.0.0");
            exchange.sendResponseHeaders(201, -1);
            exchange.close();
        } else if (path.equals("/api/v1/uploads/u-123")) {
            UPLOADS.add(method + " " + exchange.getRequestHeaders().getFirst("Upload-Offset") + " " + body.length());
            exchange.getResponseHeaders().set("Tus-Resumable", "1.0.0");
            exchange.getResponseHeaders().set("Upload-Offset", method.equals("PATCH") ? String.valueOf(body.length()) : "5");
            exchange.sendResponseHeaders(method.equals("PATCH") ? 204 : 200, -1);
            exchange.close();
        } else if (method.equals("POST") && path.equals("/api/v1/auth/refresh")) {
            REFRESHES.incrementAndGet();
            String token = body.replaceAll(".*\"refreshToken\":\"([^\"]*)\".*", "$1");
            try {
                Thread.sleep(300); // a refresh takes a moment: parallel requests overlap it
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (REVOKED.contains(token) || !SPENT.add(token)) {
                REVOKED.add(token);
                send(exchange, 401, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/refresh-token-reused\","
                        + "\"title\":\"Sesi dicabut\",\"status\":401}");
            } else {
                json(exchange, 200, "{\"accessToken\":\"access-after-" + token + "\",\"refreshToken\":\"next-"
                        + token + "\",\"expiresIn\":300}");
            }
        } else if (path.startsWith("/api/v1/") && "Bearer expired".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            send(exchange, 401, "{\"title\":\"Token kedaluwarsa\",\"status\":401}");
        } else if (path.equals("/api/v1/accounts/me/data-exports")) {
            // data exports (issue 23): one ready, one being prepared; asking is accepted
            if (method.equals("POST")) {
                EXPORT_ASKED.set(true);
                json(exchange, 202, "{\"id\":\"" + EXPORT + "\",\"status\":\"PREPARING\"}");
            } else {
                json(exchange, 200, "[{\"id\":\"" + EXPORT + "\",\"status\":\"READY\",\"requestedAt\":"
                        + "\"2026-12-05T02:00:00Z\",\"readyAt\":\"2026-12-05T02:01:00Z\",\"expiresAt\":"
                        + "\"2026-12-12T02:01:00Z\"},{\"id\":\"0d7c1f4e-2b1a-4e5f-9a8b-7c6d5e4f3a21\",\"status\":"
                        + "\"PREPARING\",\"requestedAt\":\"2026-12-05T03:00:00Z\"}]");
            }
        } else if (path.equals("/api/v1/accounts/me/data-exports/" + EXPORT + "/data.pdf")) {
            exchange.getResponseHeaders().set("Content-Type", "application/pdf");
            send(exchange, 200, "%PDF-1.7 salinan");
        } else if (method.equals("POST") && path.equals("/api/v1/accounts/me/erasure")) {
            // erasure (issue 23): Agus's password is accepted, anything else is the API's field error
            if (body.contains("\"password\":\"Batagor-Kuah-2026\"")) {
                json(exchange, 202, "{\"status\":\"ERASURE_PENDING\",\"requestedAt\":\"2026-12-05T03:00:00Z\"}");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/wrong-current-password\","
                        + "\"title\":\"Kata sandi saat ini salah\",\"status\":400,\"errors\":[{\"field\":\"password\","
                        + "\"code\":\"account.erasure.wrong-password\",\"message\":\"kata sandi salah\"}]}");
            }
        } else if (method.equals("POST") && path.equals("/api/v1/auth/login") && body.contains("lama@example.id")) {
            // an account that accepted an older privacy notice only
            json(exchange, 200, "{\"accessToken\":\"access-old-notice\",\"refreshToken\":\"refresh-old\",\"expiresIn\":300}");
        } else if (path.equals("/api/v1/accounts/me")) {
            boolean old = "Bearer access-old-notice".equals(exchange.getRequestHeaders().getFirst("Authorization"))
                    && !OLD_NOTICE_ACCEPTED.get();
            json(exchange, 200, "{\"id\":\"5f0c2a4e-8d1b-4c7e-9a3f-2b6d8e1c4a70\",\"role\":\"APPLICANT\","
                    + "\"privacyNotice\":{\"current\":\"" + NOTICE + "\",\"accepted\":" + !old
                    + ",\"acceptanceRequired\":" + old + "}}");
        } else if (method.equals("POST") && path.equals("/api/v1/accounts/me/privacy-consents")) {
            if (body.contains("\"noticeVersion\":\"" + NOTICE + "\"")) {
                OLD_NOTICE_ACCEPTED.set(true);
                json(exchange, 200, "{\"current\":\"" + NOTICE + "\",\"accepted\":true,\"acceptanceRequired\":false}");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 422, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/privacy-notice-not-accepted\","
                        + "\"title\":\"Pemberitahuan privasi belum disetujui\",\"status\":422,\"errors\":[{\"field\":"
                        + "\"noticeVersion\",\"message\":\"pemberitahuan privasi telah diperbarui\"}]}");
            }
        } else if (method.equals("POST") && path.equals("/api/v1/auth/login")) {
            json(exchange, 200, "{\"accessToken\":\"access-1\",\"refreshToken\":\"refresh-1\",\"expiresIn\":300}");
        } else if (method.equals("POST") && path.equals("/api/v1/applications/" + APPLICATION + "/applicants")) {
            APPLICANT_BODIES.add(body);
            if (body.contains("\"authority\":\"PARENT\"")) {
                json(exchange, 201, "{\"id\":\"a3\",\"verification\":\"VERIFIED\"}");
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 422, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/authority-not-declared\","
                        + "\"title\":\"Dasar kewenangan belum dinyatakan\",\"status\":422,\"errors\":[{\"field\":"
                        + "\"authority\",\"code\":\"validation.authority-minor\",\"message\":\"pemohon di bawah 17"
                        + " tahun hanya dapat diajukan oleh orang tua atau wali yang sah\"}]}");
            }
        } else if (path.equals("/api/v1/applications/" + APPLICATION)) {
            json(exchange, 200, "{\"id\":\"" + APPLICATION + "\",\"status\":\"AWAITING_PAYMENT\",\"applicants\":["
                    + "{\"id\":\"a1\",\"fullName\":\"Agus Wijaya\",\"nik\":\"3273151205850001\","
                    + "\"authority\":{\"declaration\":\"SELF\",\"declaredAt\":\"2026-12-04T07:40:00Z\"},"
                    + "\"minor\":false,\"questionnaire\":{\"passportKind\":\"ELECTRONIC\"},\"verification\":{\"status\":\"VERIFIED\"}},"
                    + "{\"id\":\"a2\",\"fullName\":\"Dewi Lestari\",\"nik\":\"3273155708880001\","
                    + "\"minor\":false,\"questionnaire\":{\"passportKind\":\"ELECTRONIC\"},\"verification\":{\"status\":\"VERIFIED\"}}],"
                    + "\"booking\":{\"service\":\"SAME_DAY\",\"passportKind\":\"ELECTRONIC\"},"
                    + "\"appointment\":{\"officeCode\":\"MKS\"},\"timeline\":[{\"status\":\"SUBMITTED\","
                    + "\"at\":\"2026-12-04T07:52:00Z\"},{\"kind\":\"DOCUMENT_READ\",\"at\":\"2026-12-04T08:10:00Z\","
                    + "\"details\":{\"applicantId\":\"a1\",\"documentType\":\"EKTP\",\"officeCode\":\"MKS\"}}]}");
        } else if (path.equals("/api/v1/offices")) {
            json(exchange, 200, "[" + MKS + "," + TIM + "]");
        } else if (path.equals("/api/v1/offices/MKS")) {
            json(exchange, 200, MKS);
        } else if (path.equals("/api/v1/offices/TIM")) {
            json(exchange, 200, TIM);
        } else if (path.equals("/api/v1/offices/TIM/calendar")) {
            json(exchange, 200, "{\"days\":[]}");
        } else if (path.equals("/api/v1/offices/MKS/calendar")) {
            CALENDAR_QUERIES.add(String.valueOf(exchange.getRequestURI().getQuery()));
            json(exchange, 200, "{\"days\":[{\"date\":\"2099-12-07\",\"sessions\":[{\"session\":\"MORNING\","
                    + "\"remaining\":9,\"status\":\"AVAILABLE\"}]}]}");
        } else if (method.equals("POST") && path.equals("/api/v1/holds")) {
            HOLD_BODIES.add(body);
            HOLD_KEYS.add(exchange.getRequestHeaders().getFirst("Idempotency-Key") + " "
                    + exchange.getRequestHeaders().getFirst("X-Forwarded-For") + " "
                    + exchange.getRemoteAddress().getAddress().getHostAddress());
            Integer answer = HOLD_ANSWERS.poll();
            if (answer == null) {
                json(exchange, 201, "{\"holdId\":\"" + HOLD + "\",\"officeCode\":\"MKS\",\"date\":\"2099-12-07\","
                        + "\"session\":\"MORNING\",\"expiresAt\":\"2099-12-04T08:07:00Z\"}");
            } else if (answer == 409) {
                exchange.getResponseHeaders().set("Retry-After", "1");
                send(exchange, 409, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/applicants-not-yet-known\","
                        + "\"title\":\"Data pemohon belum diterima\",\"status\":409}");
            } else {
                exchange.getResponseHeaders().set("Retry-After", "2");
                send(exchange, answer, "{\"title\":\"Sibuk\",\"status\":" + answer + "}");
            }
        } else if (path.equals("/api/v1/holds/" + HOLD)) {
            json(exchange, 200, "{\"holdId\":\"" + HOLD + "\",\"officeCode\":\"MKS\",\"date\":\"2099-12-07\","
                    + "\"session\":\"MORNING\",\"expiresAt\":\"2099-12-04T08:07:00Z\"}");
        } else if (path.equals("/api/v1/bills")) {
            json(exchange, 200, "{\"billingCode\":\"820261204000001\",\"applicationId\":\"" + APPLICATION + "\","
                    + "\"officeCode\":\"MKS\",\"status\":\"" + billStatus + "\",\"amount\":1900000,"
                    + "\"expiresAt\":\"" + BILL_EXPIRES + "\",\"paidAt\":"
                    + ("PAID".equals(billStatus) ? "\"2099-12-04T07:00:00Z\"" : "null") + ",\"lines\":["
                    + "{\"applicantName\":\"Agus Wijaya\",\"description\":\"Paspor elektronik\",\"amount\":950000},"
                    + "{\"applicantName\":\"Dewi Lestari\",\"description\":\"Paspor elektronik\",\"amount\":950000}]}");
        } else {
            return false;
        }
        return true;
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
