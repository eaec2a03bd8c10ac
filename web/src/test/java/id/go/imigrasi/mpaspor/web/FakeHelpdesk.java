package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * application-service's helpdesk, mails and corrections (issue 22) and billing's refunds of a bill, as the stand-in
 * API keeps them for Agus's application {@link FakeApi#APPLICATION}, with the API's rules the pages show: a ticket
 * needs a category, a subject and a message (every missing one a field error at once); the reply to {@link #OLD}
 * (closed long ago) is 409 ticket-reopen-window-passed; closing twice 409 ticket-closed. Mails: the bill by e-mail
 * and by SMS (delivered), a rejected document; the bill resent once, then 429 mail-resend-too-soon with Retry-After
 * 287; the appointment was never sent (404 mail-not-found). Corrections: Agus ({@code a1}) may correct; a phone that
 * is not a mobile number and an empty reason are field errors; Dewi ({@code a2}) has checked in (409
 * correction-after-check-in); with {@link #AT_OFFICE} the API answers 422 correction-at-office naming
 * {@code fields.fullName} (as for data only the office may change). The bill has a refund paid back and one
 * rejected. The bodies sent are kept in {@link #BODIES}.
 */
final class FakeHelpdesk {

    static final String OLD = "6d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    static final List<String> BODIES = new CopyOnWriteArrayList<>();
    static final AtomicBoolean AT_OFFICE = new AtomicBoolean();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BASE = "/api/v1/applications/" + FakeApi.APPLICATION;
    private static final Map<String, ObjectNode> TICKETS = new ConcurrentHashMap<>();
    private static final ArrayNode CORRECTIONS = JSON.createArrayNode();
    private static final AtomicBoolean RESENT = new AtomicBoolean();

    static {
        reset();
    }

    private FakeHelpdesk() {
    }

    static synchronized void reset() {
        BODIES.clear();
        TICKETS.clear();
        CORRECTIONS.removeAll();
        RESENT.set(false);
        AT_OFFICE.set(false);
        ObjectNode old = ticket(OLD, "PAYMENT", "Sudah bayar dua kali");
        old.put("state", "CLOSED").put("closedAt", "2026-11-20T03:00:00Z").put("reopenableUntil", "2026-11-27T03:00:00Z");
        message(old, "OFFICER", "Kelebihan bayar akan dikembalikan.", "2026-11-20T02:00:00Z");
    }

    static synchronized boolean answer(HttpExchange x, String method, String path, String body) throws IOException {
        if (path.equals("/api/v1/bills/820261204000001/refunds")) {
            json(x, 200, "[{\"id\":\"r-1\",\"billingCode\":\"820261204000001\",\"amount\":1900000,\"currency\":\"IDR\","
                    + "\"reason\":\"ALREADY_PAID\",\"state\":\"PAID\",\"refundReference\":\"RF-ATM-20261205-000001\","
                    + "\"paidAt\":\"2026-12-05T02:00:00Z\",\"rejectionReason\":null},"
                    + "{\"id\":\"r-2\",\"billingCode\":\"820261204000001\",\"amount\":950000,\"currency\":\"IDR\","
                    + "\"reason\":\"LATE\",\"state\":\"REJECTED\",\"rejectionReason\":\"Dana sudah dipakai untuk tagihan baru\","
                    + "\"refundReference\":null,\"paidAt\":null}]");
            return true;
        }
        if (!path.startsWith(BASE + "/")) {
            return false;
        }
        String rest = path.substring(BASE.length());
        if (!method.equals("GET")) {
            BODIES.add(method + " " + rest + " " + body);
        }
        if (rest.equals("/tickets")) {
            tickets(x, method, body);
        } else if (rest.startsWith("/tickets/")) {
            ticket(x, method, rest.substring("/tickets/".length()), body);
        } else if (rest.equals("/mails")) {
            mails(x);
        } else if (rest.equals("/mails/resend")) {
            resend(x, JSON.readTree(body).path("kind").asText());
        } else if (rest.equals("/applicants/a1/corrections") || rest.equals("/applicants/a2/corrections")) {
            corrections(x, method, rest.contains("/a2/"), body);
        } else {
            return false;
        }
        return true;
    }

    private static void tickets(HttpExchange x, String method, String body) throws IOException {
        if (method.equals("GET")) {
            ArrayNode list = JSON.createArrayNode();
            TICKETS.values().stream().sorted((a, b) -> b.path("createdAt").asText().compareTo(a.path("createdAt").asText()))
                    .forEach(t -> list.addObject().put("id", t.path("id").asText()).put("applicationId", FakeApi.APPLICATION)
                            .put("officeCode", "MKS").put("category", t.path("category").asText())
                            .put("subject", t.path("subject").asText()).put("state", t.path("state").asText())
                            .put("createdAt", t.path("createdAt").asText()).put("updatedAt", t.path("updatedAt").asText()));
            json(x, 200, list.toString());
            return;
        }
        JsonNode in = JSON.readTree(body);
        ArrayNode errors = JSON.createArrayNode();
        if (!List.of("PAYMENT", "DOCUMENT", "APPOINTMENT", "DATA_CORRECTION", "PASSPORT_DELIVERY", "OTHER")
                .contains(in.path("category").asText())) {
            errors.addObject().put("field", "category").put("message", "pilih salah satu jenis pertanyaan");
        }
        if (in.path("subject").asText("").isBlank()) {
            errors.addObject().put("field", "subject").put("message", "perihal wajib diisi");
        }
        if (in.path("message").asText("").isBlank()) {
            errors.addObject().put("field", "message").put("message", "pesan wajib diisi");
        }
        if (!errors.isEmpty()) {
            invalid(x, errors);
            return;
        }
        ObjectNode t = ticket(UUID.randomUUID().toString(), in.path("category").asText(), in.path("subject").asText());
        message(t, "APPLICANT", in.path("message").asText(), "2026-12-05T03:00:00Z");
        json(x, 201, t.toString());
    }

    private static void ticket(HttpExchange x, String method, String rest, String body) throws IOException {
        String id = rest.replaceFirst("/.*", "");
        ObjectNode t = TICKETS.get(id);
        if (t == null) {
            problem(x, 404, "ticket-not-found", "Tiket tidak ditemukan", null);
        } else if (method.equals("GET")) {
            json(x, 200, t.toString());
        } else if (rest.endsWith("/messages")) {
            String text = JSON.readTree(body).path("message").asText("");
            if (text.isBlank()) {
                ArrayNode errors = JSON.createArrayNode();
                errors.addObject().put("field", "message").put("message", "pesan wajib diisi");
                invalid(x, errors);
            } else if (id.equals(OLD)) {
                problem(x, 409, "ticket-reopen-window-passed", "Tiket tidak dapat dibuka kembali",
                        "Tiket ini ditutup lebih dari 7 hari yang lalu; buka tiket baru.");
            } else {
                message(t, "APPLICANT", text, "2026-12-05T04:00:00Z");
                t.put("state", "OPEN");
                json(x, 201, t.toString());
            }
        } else if (rest.endsWith("/closure")) {
            if ("CLOSED".equals(t.path("state").asText())) {
                problem(x, 409, "ticket-closed", "Tiket sudah ditutup", null);
            } else {
                t.put("state", "CLOSED").put("closedAt", "2026-12-05T05:00:00Z")
                        .put("reopenableUntil", "2026-12-12T05:00:00Z");
                json(x, 200, t.toString());
            }
        } else {
            problem(x, 404, "not-found", "Tidak ditemukan", null);
        }
    }

    private static void mails(HttpExchange x) throws IOException {
        json(x, 200, "[{\"id\":\"m-1\",\"kind\":\"BILLING_ISSUED\",\"channel\":\"EMAIL\",\"recipient\":\"agus@example.id\","
                + "\"subject\":\"Tagihan\",\"queuedAt\":\"2026-12-04T07:52:00Z\",\"sentAt\":\"2026-12-04T07:52:05Z\","
                + "\"state\":\"SENT\",\"attempts\":1,\"resent\":false,\"deliveredAt\":null},"
                + "{\"id\":\"m-2\",\"kind\":\"BILLING_ISSUED\",\"channel\":\"SMS\",\"recipient\":\"+6281234567890\","
                + "\"subject\":null,\"queuedAt\":\"2026-12-04T07:52:00Z\",\"sentAt\":\"2026-12-04T07:52:09Z\","
                + "\"state\":\"SENT\",\"attempts\":1,\"resent\":false,\"deliveredAt\":\"2026-12-04T07:53:00Z\"},"
                + "{\"id\":\"m-3\",\"kind\":\"DOCUMENT_REJECTED\",\"channel\":\"EMAIL\",\"recipient\":\"agus@example.id\","
                + "\"subject\":\"Dokumen ditolak\",\"queuedAt\":\"2026-12-04T06:00:00Z\",\"sentAt\":null,"
                + "\"state\":\"FAILED\",\"attempts\":8,\"resent\":false,\"deliveredAt\":null}]");
    }

    private static void resend(HttpExchange x, String kind) throws IOException {
        if (kind.equals("APPOINTMENT_SCHEDULED")) {
            problem(x, 404, "mail-not-found", "Belum ada pesan jenis ini",
                    "Jadwal kedatangan belum pernah dikirim untuk permohonan ini.");
        } else if (!kind.equals("BILLING_ISSUED")) {
            ArrayNode errors = JSON.createArrayNode();
            errors.addObject().put("field", "kind").put("message", "jenis pesan ini tidak dapat dikirim ulang");
            invalid(x, errors);
        } else if (RESENT.getAndSet(true)) {
            x.getResponseHeaders().set("Retry-After", "287");
            problem(x, 429, "mail-resend-too-soon", "Terlalu cepat", null);
        } else {
            json(x, 202, "{\"id\":\"" + UUID.randomUUID() + "\",\"kind\":\"BILLING_ISSUED\",\"requestedAt\":\"2026-12-05T03:00:00Z\"}");
        }
    }

    private static void corrections(HttpExchange x, String method, boolean dewi, String body) throws IOException {
        if (method.equals("GET")) {
            json(x, 200, dewi ? "[]" : CORRECTIONS.toString());
            return;
        }
        if (dewi) {
            problem(x, 409, "correction-after-check-in", "Pemohon sudah melapor di kantor",
                    "Perbaikan setelah check-in dilakukan oleh petugas.");
            return;
        }
        JsonNode in = JSON.readTree(body);
        if (AT_OFFICE.get()) {
            x.getResponseHeaders().set("Content-Type", "application/problem+json");
            send(x, 422, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/correction-at-office\",\"title\":"
                    + "\"Hanya dapat diperbaiki di kantor\",\"status\":422,\"errors\":[{\"field\":\"fields.fullName\","
                    + "\"message\":\"nama diperbaiki di kantor dengan dokumen aslinya\"}]}");
            return;
        }
        ArrayNode errors = JSON.createArrayNode();
        String phone = in.path("fields").path("phone").asText(null);
        if (phone != null && !phone.replaceAll("[^0-9]", "").matches("0?8\\d{8,11}")) {
            errors.addObject().put("field", "fields.phone").put("message", "nomor HP tidak valid (contoh: 0812-3456-7890)");
        }
        if (in.path("reason").asText("").isBlank()) {
            errors.addObject().put("field", "reason").put("message", "alasan wajib diisi");
        }
        if (!errors.isEmpty()) {
            invalid(x, errors);
            return;
        }
        ArrayNode written = JSON.createArrayNode();
        in.path("fields").fields().forEachRemaining(f -> {
            ObjectNode row = written.addObject().put("id", UUID.randomUUID().toString()).put("field", f.getKey())
                    .put("oldValue", f.getKey().equals("address") ? "Jl. Melati 1, Makassar" : "")
                    .put("newValue", f.getValue().asText()).put("reason", in.path("reason").asText())
                    .put("correctedBy", "u-1").put("correctedByRole", "APPLICANT").putNull("assistedBy")
                    .put("correctedAt", "2026-12-05T03:00:00Z");
            CORRECTIONS.add(row);
        });
        ObjectNode answer = JSON.createObjectNode().put("applicantId", "a1");
        answer.set("corrections", written);
        json(x, 200, answer.toString());
    }

    private static ObjectNode ticket(String id, String category, String subject) {
        ObjectNode t = JSON.createObjectNode().put("id", id).put("applicationId", FakeApi.APPLICATION)
                .put("category", category).put("subject", subject).put("state", "OPEN")
                .put("createdAt", "2026-12-05T03:00:00Z").put("updatedAt", "2026-12-05T03:00:00Z").putNull("closedAt")
                .putNull("reopenableUntil");
        t.putArray("messages");
        TICKETS.put(id, t);
        return t;
    }

    static void message(ObjectNode t, String role, String text, String at) {
        ((ArrayNode) t.get("messages")).addObject().put("id", UUID.randomUUID().toString()).put("authorRole", role)
                .put("authorId", role.equals("APPLICANT") ? "u-1" : "o-1").putNull("assistedBy").put("message", text)
                .putArray("uploadIds");
        ((ObjectNode) t.get("messages").get(t.get("messages").size() - 1)).put("at", at);
        t.put("updatedAt", at);
    }

    private static void invalid(HttpExchange x, ArrayNode errors) throws IOException {
        ObjectNode p = JSON.createObjectNode().put("type", "https://mpaspor.imigrasi.go.id/problems/validation")
                .put("title", "Data tidak valid").put("status", 400);
        p.set("errors", errors);
        x.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(x, 400, p.toString());
    }

    private static void problem(HttpExchange x, int status, String slug, String title, String detail) throws IOException {
        StandInServer.problem(x, status, slug, title, detail);
    }

    private static void json(HttpExchange x, int status, String json) throws IOException {
        StandInServer.json(x, status, json);
    }

    private static void send(HttpExchange x, int status, String json) throws IOException {
        StandInServer.send(x, status, json);
    }
}
