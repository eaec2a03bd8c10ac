package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for the public API as the office desk uses it, with the API's office boundary: logins give tokens
 * whose claims say the role and office ({@code officer@jkt} of JKT, {@code officer@bdg} of BDG,
 * {@code admin@x}, {@code siti@x} an applicant); one appointment {@link #ID} at JKT, whose steps follow the
 * biometric service's (check-in with NIK {@link #NIK}, else 422 nik-mismatch; a finger below 40 fails, the third
 * failure needs an exception). Another office's officer gets 403 problem+json for it and an empty day.
 */
public class FakeDeskApi implements QuarkusTestResourceLifecycleManager {

    public static final String ID = "5a1e7c2b-8d44-4c71-9a55-0e2f6b3c9d10";
    /** A booking code as biometric-service draws them (8 of its alphabet), so the desk's QR scanner takes it. */
    public static final String CODE = "K7QX2PMT";
    public static final String NIK = "3171014506900002";
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    static final ObjectMapper JSON = new ObjectMapper();
    static volatile ObjectNode appointment;
    /** The e-KTP the applicant uploaded (a PNG's first bytes will do: the page passes the bytes on). */
    public static final byte[] EKTP = { (byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3 };
    /** Whether application-service counts the check-in as today's at this office (it decides). */
    static volatile boolean checkedInToday;
    /** The e-KTP's stored bytes fail their integrity check: application-service answers 410 document-unreadable. */
    static volatile boolean ektpTampered;
    private HttpServer server;

    public static synchronized void reset() {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", ID).put("applicationId", "app-1").put("applicantId", "ap-1").put("fullName", "Dewi Lestari")
                .put("passportKind", "ELECTRONIC").put("validityYears", 10).put("officeCode", "JKT")
                .put("date", "2026-12-04").put("session", "MORNING").put("bookingCode", CODE)
                .put("status", "SCHEDULED").putNull("checkedInAt").putNull("interview").putNull("decision")
                .putNull("handover");
        ObjectNode capture = a.putObject("capture");
        capture.putObject("face").put("attempts", 0).putNull("score").put("passed", false);
        ArrayNode fingers = capture.putArray("fingers");
        for (String f : id.go.imigrasi.mpaspor.web.pages.KantorPages.FINGERS) {
            fingers.addObject().put("finger", f).put("state", "PENDING").put("attempts", 0).putNull("score")
                    .putNull("exception").putNull("exceptionReason");
        }
        capture.put("complete", false);
        appointment = a;
        checkedInToday = true;
        ektpTampered = false;
        SEEN.clear();
        OFFICERS.clear();
        rules = "{\"rules\":[]}";
        batch = null;
        batchKey = null;
    }

    @Override
    public Map<String, String> start() {
        reset();
        server = StandInServer.start(this::answer);
        return Map.of("mpaspor.web.api-url", StandInServer.apiUrl(server));
    }

    @Override
    public void stop() {
        server.stop(0);
    }

    static String token(String sub, List<String> groups, String office) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", sub);
        claims.put("groups", groups);
        if (office != null) {
            claims.put("office_code", office);
        }
        try {
            Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
            return b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".sig";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void answer(HttpExchange x) throws IOException {
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = x.getRequestURI().getPath().substring("/api/v1".length());
        String method = x.getRequestMethod();
        SEEN.add(method + " " + path + " " + body);
        String auth = x.getRequestHeaders().getFirst("Authorization");
        String office = auth == null ? null : auth.contains(".") ? officeOf(auth.substring(7)) : null;
        boolean officer = auth != null && auth.contains(".") && groupsOf(auth.substring(7)).contains("officer");
        if (method.equals("POST") && path.equals("/auth/login")) {
            String email = JSON.readTree(body).path("email").asText();
            String t = switch (email) {
                case "officer@jkt" -> token("o-1", List.of("officer"), "JKT");
                case "officer@bdg" -> token("o-2", List.of("officer"), "BDG");
                case "admin@x" -> token("ad-1", List.of("admin"), null);
                default -> token("u-1", List.of("applicant"), null);
            };
            send(x, 200, "{\"accessToken\":\"" + t + "\",\"refreshToken\":\"r-" + email + "\",\"expiresIn\":3600}");
            return;
        }
        if (FakeStaffHelpdesk.answer(x, method, path, x.getRequestURI().getRawQuery(), body, office, officer,
                auth != null && auth.contains(".") && groupsOf(auth.substring(7)).contains("admin"))) {
            return;
        }
        if (deskSession(x, method, path, body, auth, officer)) {
            return;
        }
        if (admin(x, method, path, body, auth)) {
            return;
        }
        if (path.startsWith("/offices/")) {
            send(x, 200, "{\"code\":\"JKT\",\"timeZone\":\"Asia/Jakarta\"}");
            return;
        }
        if (path.startsWith("/office") && !officer) {
            problem(x, 403, "forbidden", "Akses ditolak");
            return;
        }
        if (path.startsWith("/office/collective-batches")) {
            collective(x, method, path, body, office);
            return;
        }
        if (path.equals("/office/appointments/search")) {
            // the desk search: Dewi by a part of her name or her NIK at her office; two letters are no search
            String q = java.net.URLDecoder.decode(String.valueOf(x.getRequestURI().getRawQuery()).replaceFirst("^q=", ""),
                    java.nio.charset.StandardCharsets.UTF_8);
            if (q.replaceAll("[^\\p{L}\\d]", "").length() < 3) {
                problem(x, 400, "validation", "Data tidak valid", "q",
                        "ketik NIK (16 angka), kode booking, nomor paspor, atau sedikitnya 3 huruf nama");
                return;
            }
            boolean dewi = "JKT".equals(office) && (q.toLowerCase().contains("lestari") || q.equals(NIK));
            send(x, 200, dewi ? "[" + appointment + "]" : "[]");
            return;
        }
        if (path.equals("/office/appointments")) {
            send(x, 200, "JKT".equals(office) ? "[" + appointment + "]" : "[]");
            return;
        }
        if (path.equals("/office/check-in")) {
            JsonNode in = JSON.readTree(body);
            if (!in.path("bookingCode").asText().equalsIgnoreCase(CODE) || !"JKT".equals(office)) {
                problem(x, 404, "unknown-booking-code", "Kode booking tidak dikenal");
            } else if (!NIK.equals(in.path("nik").asText())) {
                problem(x, 422, "nik-mismatch", "NIK tidak sesuai");
            } else {
                appointment.put("status", "CHECKED_IN").put("checkedInAt", "2026-12-04T01:15:00Z");
                send(x, 200, appointment.toString());
            }
            return;
        }
        if (path.equals("/applications/app-1/requirements")) {
            // application-service: the officer reads applications booked at their office
            if (!"JKT".equals(office)) {
                problem(x, 404, "application-not-found", "Permohonan tidak ditemukan");
                return;
            }
            send(x, 200, "{\"applicationId\":\"app-1\",\"applicants\":[{\"applicantId\":\"ap-1\",\"documents\":["
                    + "{\"code\":\"EKTP\",\"state\":\"ACCEPTED\",\"documentType\":\"EKTP\"},"
                    + "{\"code\":\"KK\",\"state\":\"UPLOADED\",\"documentType\":\"KK\"}]},"
                    + "{\"applicantId\":\"ap-2\",\"documents\":[{\"code\":\"DIPLOMA\",\"state\":\"ACCEPTED\","
                    + "\"documentType\":\"DIPLOMA\"}]}]}");
            return;
        }
        if (path.startsWith("/applications/app-1/applicants/ap-1/documents/")) {
            if (!"JKT".equals(office)) {
                problem(x, 404, "application-not-found", "Permohonan tidak ditemukan");
            } else if (appointment.path("checkedInAt").isNull() || !checkedInToday) {
                problem(x, 403, "document-not-at-the-desk", "Dokumen hanya dapat dibuka di loket");
            } else if (path.endsWith("/EKTP") && ektpTampered) {
                problem(x, 410, "document-unreadable", "Dokumen tidak dapat dibuka");
            } else if (path.endsWith("/EKTP")) {
                x.getResponseHeaders().set("Content-Type", "image/png");
                x.sendResponseHeaders(200, EKTP.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(EKTP);
                }
            } else {
                problem(x, 404, "document-not-found", "Dokumen tidak ditemukan");
            }
            return;
        }
        if (path.startsWith("/appointments/" + ID) || path.startsWith("/office/appointments/" + ID)) {
            if (!"JKT".equals(office)) {
                problem(x, 403, "forbidden", "Bukan kantor Anda");
                return;
            }
            if (method.equals("GET")) {
                send(x, 200, appointment.toString());
                return;
            }
            step(x, path.substring(("/office/appointments/" + ID).length()), JSON.readTree(body));
            return;
        }
        problem(x, 404, "not-found", "Tidak ditemukan");
    }

    /** The collective service (issue 19): the last batch registered at JKT, and the Idempotency-Key it came with. */
    static volatile ObjectNode batch;
    static volatile String batchKey;

    /**
     * application-service's collective batches as the desk uses them: every field error at once by the API's paths
     * ({@code applicants[1].nik}: not 16 digits), 202 with the batch, then the batch for JKT's officers only (404
     * elsewhere).
     */
    private void collective(HttpExchange x, String method, String path, String body, String office)
            throws IOException {
        String id = "7c0e2f4a-1b3d-4e5f-8a9b-0c1d2e3f4a5b";
        if (method.equals("POST") && path.equals("/office/collective-batches")) {
            JsonNode in = JSON.readTree(body);
            ArrayNode errors = JSON.createArrayNode();
            if (in.path("organisation").asText("").isBlank()) {
                errors.addObject().put("field", "organisation").put("message", "wajib diisi");
            }
            JsonNode people = in.path("applicants");
            if (people.size() == 0) {
                errors.addObject().put("field", "applicants").put("message", "rombongan berisi 1 sampai 50 orang");
            }
            for (int i = 0; i < people.size(); i++) {
                if (!people.get(i).path("nik").asText("").matches("\\d{16}")) {
                    errors.addObject().put("field", "applicants[" + i + "].nik").put("message", "NIK harus 16 angka");
                }
            }
            if (!errors.isEmpty()) {
                ObjectNode p = JSON.createObjectNode().put("type", "https://mpaspor.imigrasi.go.id/problems/validation")
                        .put("title", "Data tidak valid").put("status", 400);
                p.set("errors", errors);
                x.getResponseHeaders().set("Content-Type", "application/problem+json");
                byte[] bytes = p.toString().getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(400, bytes.length);
                try (OutputStream out = x.getResponseBody()) {
                    out.write(bytes);
                }
                return;
            }
            batchKey = x.getRequestHeaders().getFirst("Idempotency-Key");
            ObjectNode b = JSON.createObjectNode().put("id", id).put("organisation", in.path("organisation").asText())
                    .put("officeCode", office).put("contactName", in.path("contact").path("name").asText())
                    .put("contactEmail", in.path("contact").path("email").asText())
                    .put("contactPhone", in.path("contact").path("phone").asText())
                    .put("date", in.path("date").asText()).put("session", in.path("session").asText())
                    .put("passportKind", in.path("passportKind").asText()).put("state", "PARTLY_REGISTERED")
                    .put("reason", (String) null).putNull("remaining");
            ArrayNode members = b.putArray("members");
            for (int i = 0; i < people.size(); i++) {
                JsonNode p = people.get(i);
                boolean refused = i == people.size() - 1 && people.size() > 1;
                members.addObject().put("position", i + 1).put("fullName", p.path("fullName").asText())
                        .put("nik", p.path("nik").asText()).put("applicationId", UUIDS[i % UUIDS.length])
                        .put("state", refused ? "REFUSED" : "REGISTERED")
                        .put("reason", refused ? "DUKCAPIL_MISMATCH" : null)
                        .put("applicationStatus", refused ? "CANCELLED" : "SUBMITTED");
            }
            batch = b;
            x.getResponseHeaders().set("Location", "/office/collective-batches/" + id);
            send(x, 202, "{\"id\":\"" + id + "\",\"state\":\"CHECKING\"}");
            return;
        }
        if (method.equals("GET") && path.equals("/office/collective-batches/" + id) && batch != null
                && "JKT".equals(office)) {
            send(x, 200, batch.toString());
            return;
        }
        problem(x, 404, "collective-batch-not-found", "Rombongan tidak ditemukan");
    }

    private static final String[] UUIDS = { "0a1b2c3d-0000-4000-8000-000000000001",
            "0a1b2c3d-0000-4000-8000-000000000002", "0a1b2c3d-0000-4000-8000-000000000003" };

    /** The admin's part: offices, officers of JKT, rules, releases, closures and the two audits. */
    static final List<ObjectNode> OFFICERS = new CopyOnWriteArrayList<>();
    static volatile String rules = "{\"rules\":[]}";

    private boolean admin(HttpExchange x, String method, String path, String body, String auth) throws IOException {
        boolean admin = auth != null && auth.contains(".") && groupsOf(auth.substring(7)).contains("admin");
        if (path.equals("/offices")) {
            send(x, 200, "[{\"code\":\"JKT\",\"name\":\"Kantor Imigrasi Jakarta\",\"city\":\"Jakarta\",\"timeZone\":\"Asia/Jakarta\"},"
                    + "{\"code\":\"BDG\",\"name\":\"Kantor Imigrasi Bandung\",\"city\":\"Bandung\",\"timeZone\":\"Asia/Jakarta\"}]");
            return true;
        }
        if (!path.startsWith("/admin")) {
            return false;
        }
        if (!admin) {
            problem(x, 403, "forbidden", "Akses ditolak");
            return true;
        }
        if (path.equals("/admin/officers") && method.equals("POST")) {
            JsonNode in = JSON.readTree(body);
            if (in.path("password").asText().length() < 12) {
                problem(x, 400, "validation", "Data tidak valid", "password", "Kata sandi terlalu pendek");
                return true;
            }
            ObjectNode o = JSON.createObjectNode().put("id", "9b2f7c3e-1d4a-4e8b-a6c5-" + String.format("%012d", OFFICERS.size()))
                    .put("name", in.path("name").asText()).put("email", in.path("email").asText())
                    .put("officeCode", in.path("officeCode").asText()).put("status", "ACTIVE");
            OFFICERS.add(o);
            send(x, 201, "{\"id\":\"" + o.path("id").asText() + "\",\"status\":\"ACTIVE\"}");
            return true;
        }
        if (path.equals("/admin/officers")) {
            String office = x.getRequestURI().getQuery() == null ? "" : x.getRequestURI().getQuery().replace("officeCode=", "");
            send(x, 200, OFFICERS.stream().filter(o -> o.path("officeCode").asText().equals(office)).toList().toString());
            return true;
        }
        if (path.startsWith("/admin/officers/")) {
            String[] parts = path.split("/");
            for (ObjectNode o : OFFICERS) {
                if (o.path("id").asText().equals(parts[3])) {
                    if (parts[4].equals("disable")) {
                        o.put("status", "DISABLED");
                    } else {
                        o.put("officeCode", JSON.readTree(body).path("officeCode").asText());
                    }
                    send(x, 200, o.toString());
                    return true;
                }
            }
            problem(x, 404, "not-an-officer", "Bukan petugas");
            return true;
        }
        if (path.equals("/admin/audit")) {
            send(x, 200, "[{\"at\":\"2026-12-04T02:00:00Z\",\"actorId\":\"ad-1\",\"action\":\"OfficerCreated\","
                    + "\"subjectId\":\"o-9\",\"officeCode\":\"JKT\",\"detail\":null}]");
            return true;
        }
        if (path.equals("/admin/offices/JKT/audit")) {
            send(x, 200, "[{\"at\":\"2026-12-04T03:00:00Z\",\"actorId\":\"ad-1\",\"officeCode\":\"JKT\","
                    + "\"action\":\"RELEASED\",\"detail\":\"2026-12-10..2026-12-12\"}]");
            return true;
        }
        if (path.equals("/admin/offices/JKT/desk-audit")) {
            // as biometric-service answers: newest first, microseconds, the appointment id, no applicant
            send(x, 200, "[{\"id\":12,\"at\":\"2026-12-04T04:00:00.250000Z\",\"actorId\":\"of-7\","
                    + "\"officeCode\":\"JKT\",\"action\":\"FINGER_EXCEPTION\","
                    + "\"appointmentId\":\"0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f\",\"detail\":\"RIGHT_INDEX INJURED\"},"
                    + "{\"id\":11,\"at\":\"2026-12-04T03:00:00.500000Z\",\"actorId\":\"of-7\","
                    + "\"officeCode\":\"JKT\",\"action\":\"CHECKED_IN\","
                    + "\"appointmentId\":\"0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f\",\"detail\":\"\"}]");
            return true;
        }
        if (path.equals("/admin/offices/JKT/rules")) {
            if (method.equals("PUT")) {
                // as quota-service answers: numbers as numbers
                rules = "{\"rules\":[{\"weekday\":1,\"service\":\"REGULAR\",\"session\":\"MORNING\",\"capacity\":40}]}";
            }
            send(x, 200, rules);
            return true;
        }
        if (path.equals("/admin/offices/JKT/releases") && method.equals("GET")) {
            send(x, 200, "[{\"releaseId\":\"r-1\",\"from\":\"2026-12-10\",\"to\":\"2026-12-12\","
                    + "\"releaseAt\":\"2026-12-07T01:00:00Z\",\"slots\":120,\"publishedAt\":null}]");
            return true;
        }
        if (path.equals("/admin/offices/JKT/closures") && method.equals("GET")) {
            send(x, 200, "[{\"date\":\"2026-12-25\",\"scope\":\"ALL\",\"reason\":\"Natal\"}]");
            return true;
        }
        if (path.equals("/admin/offices/JKT/releases") && method.equals("POST")) {
            send(x, 201, "{\"releaseId\":\"r-1\",\"slots\":120}");
            return true;
        }
        if (path.startsWith("/admin/offices/JKT/")) {
            if (method.equals("POST") || method.equals("DELETE")) {
                x.sendResponseHeaders(204, -1);
                x.close();
            } else {
                send(x, 200, "[]");
            }
            return true;
        }
        problem(x, 404, "office-not-found", "Kantor tidak ada");
        return true;
    }

    private void step(HttpExchange x, String action, JsonNode in) throws IOException {
        ObjectNode a = appointment;
        ObjectNode capture = (ObjectNode) a.get("capture");
        switch (action) {
            case "/interview" -> {
                a.putObject("interview").put("outcome", in.path("outcome").asText()).put("at", "2026-12-04T01:20:00Z");
                a.put("status", "INTERVIEWED");
            }
            case "/capture/face" -> ((ObjectNode) capture.get("face")).put("attempts", 1)
                    .put("score", in.path("score").asInt()).put("passed", in.path("score").asInt() >= 60);
            case "/capture/fingers" -> {
                if (in.path("results").isEmpty()) {
                    problem(x, 400, "validation", "Data tidak valid", "results", "tidak boleh kosong");
                    return;
                }
                for (JsonNode r : in.path("results")) {
                    ObjectNode f = finger(r.path("finger").asText());
                    if ("EXCEPTION_REQUIRED".equals(f.path("state").asText())) {
                        problem(x, 409, "finger-exception-required", "Catat pengecualian untuk jari ini");
                        return;
                    }
                    int attempts = f.path("attempts").asInt() + 1;
                    boolean pass = r.path("nfiq2").asInt() >= 40;
                    f.put("attempts", attempts).put("score", Math.max(f.path("score").asInt(0), r.path("nfiq2").asInt()))
                            .put("state", pass ? "PASSED" : attempts >= 3 ? "EXCEPTION_REQUIRED" : "RETRY");
                }
            }
            default -> {
                if (action.startsWith("/capture/fingers/")) {
                    ObjectNode f = finger(action.split("/")[3]);
                    if (!"EXCEPTION_REQUIRED".equals(f.path("state").asText())) {
                        problem(x, 409, "finger-exception-too-early", "Belum tiga kali gagal");
                        return;
                    }
                    f.put("state", "EXCEPTION").put("exception", in.path("kind").asText())
                            .put("exceptionReason", in.path("reason").asText());
                } else {
                    problem(x, 404, "not-found", "Tidak ditemukan");
                    return;
                }
            }
        }
        send(x, 200, a.toString());
    }

    private static ObjectNode finger(String name) {
        for (JsonNode f : appointment.get("capture").get("fingers")) {
            if (f.path("finger").asText().equals(name)) {
                return (ObjectNode) f;
            }
        }
        throw new IllegalArgumentException(name);
    }

    /**
     * The assisted registration (issue 19) as account-service answers it: the privacy notice, the registration (an
     * officer only; the notice's version or a field error), the desk session's tokens (the person's, naming the
     * officer in {@code act}), refresh and logout of either session, and who is logged in.
     */
    private boolean deskSession(HttpExchange x, String method, String path, String body, String auth,
            boolean officer) throws IOException {
        if (path.equals("/accounts/privacy-notice")) {
            send(x, 200, "{\"version\":\"2026-12-01\",\"contactEmail\":\"pelindungan.data@imigrasi.go.id\"}");
            return true;
        }
        if (method.equals("POST") && path.equals("/office/assisted-accounts")) {
            if (!officer) {
                problem(x, 403, "forbidden", "Akses ditolak");
            } else if (!"2026-12-01".equals(JSON.readTree(body).path("privacyNoticeVersion").asText())) {
                problem(x, 422, "privacy-notice-not-accepted", "Pemberitahuan privasi belum disetujui",
                        "privacyNoticeVersion", "setujui pemberitahuan privasi versi yang berlaku");
            } else {
                Map<String, Object> act = Map.of("sub", "o-1", "office_code", officeOf(auth.substring(7)));
                Map<String, Object> claims = new LinkedHashMap<>();
                claims.put("sub", "p-9");
                claims.put("groups", List.of("applicant"));
                claims.put("act", act);
                Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
                String t = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                        + b64.encodeToString(JSON.writeValueAsBytes(claims)) + ".sig";
                send(x, 201, "{\"accountId\":\"p-9\",\"desk\":{\"accessToken\":\"" + t
                        + "\",\"refreshToken\":\"r-desk\",\"expiresIn\":900,\"tokenType\":\"Bearer\"}}");
            }
            return true;
        }
        if (method.equals("POST") && path.equals("/auth/logout")) {
            x.sendResponseHeaders(204, -1);
            x.close();
            return true;
        }
        if (method.equals("POST") && path.equals("/auth/refresh")) {
            String refresh = JSON.readTree(body).path("refreshToken").asText();
            if (refresh.equals("r-officer@jkt")) {
                send(x, 200, "{\"accessToken\":\"" + token("o-1", List.of("officer"), "JKT")
                        + "\",\"refreshToken\":\"r-officer@jkt-2\",\"expiresIn\":3600}");
            } else {
                problem(x, 401, "invalid-refresh-token", "Sesi berakhir");
            }
            return true;
        }
        if (path.equals("/accounts/me")) {
            send(x, 200, "{\"status\":\"ACTIVE\",\"privacyNotice\":{\"acceptanceRequired\":false}}");
            return true;
        }
        return false;
    }

    private static String officeOf(String token) {
        return claims(token).path("office_code").asText(null);
    }

    private static String groupsOf(String token) {
        return claims(token).path("groups").toString();
    }

    private static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static void problem(HttpExchange x, int status, String slug, String title, String... field)
            throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        String errors = field.length == 0 ? ""
                : ",\"errors\":[{\"field\":\"" + field[0] + "\",\"message\":\"" + field[1] + "\"}]";
        byte[] bytes = ("{\"type\":\"https://mpaspor.imigrasi.go.id/problems/" + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status + errors + "}").getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        x.getResponseHeaders().set("Content-Type", "application/json");
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(bytes);
        }
    }
}
