package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;

/**
 * The helpdesk queue and finance's refunds (issue 22) as the desk's stand-in API ({@link FakeDeskApi}) keeps them,
 * with the API's boundaries: one OPEN ticket on {@link #APPLICATION}, booked at JKT, which JKT's officer lists,
 * reads, answers (ANSWERED) and closes, another office's officer gets an empty queue and 404 for it; an answer to
 * a closed ticket is 409 ticket-closed. Refund cases for admins only (403 otherwise): {@link #CASE} REQUESTED,
 * approved or rejected once (then 409 refund-case-state-conflict), a reject without a reason a field error on
 * {@code reason}; a day that is no date a field error on {@code date}; the report of 2026-12-05 with figures. The
 * requests that change something are kept in {@link #BODIES}.
 */
final class FakeStaffHelpdesk {

    static final String APPLICATION = "3e1d2c4b-5a69-4f7e-8d9c-0b1a2c3d4e5f";
    static final String TICKET = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d";
    static final String CASE = "1f2e3d4c-5b6a-4978-8a9b-0c1d2e3f4a5b";
    static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile ObjectNode ticket;
    private static volatile String caseState;

    static {
        reset();
    }

    private FakeStaffHelpdesk() {
    }

    static synchronized void reset() {
        BODIES.clear();
        caseState = "REQUESTED";
        ObjectNode t = JSON.createObjectNode().put("id", TICKET).put("applicationId", APPLICATION)
                .put("category", "APPOINTMENT").put("subject", "Bisa pindah jadwal?").put("state", "OPEN")
                .put("createdAt", "2026-12-04T02:00:00Z").put("updatedAt", "2026-12-04T02:00:00Z");
        t.putArray("messages").addObject().put("id", "m-1").put("authorRole", "APPLICANT").put("authorId", "u-1")
                .put("message", "Saya sakit, bisa pindah ke minggu depan?").put("at", "2026-12-04T02:00:00Z");
        ticket = t;
    }

    static synchronized boolean answer(HttpExchange x, String method, String path, String query, String body,
            String office, boolean officer, boolean admin) throws IOException {
        if (path.equals("/applications/tickets")) {
            if (!officer && !admin) {
                problem(x, 403, "forbidden", "Akses ditolak", null);
            } else {
                String state = query == null ? "OPEN" : query.replaceAll(".*state=([A-Z]*).*", "$1");
                boolean mine = admin || "JKT".equals(office);
                json(x, 200, mine && ticket.path("state").asText().equals(state) ? "[" + summary() + "]" : "[]");
            }
            return true;
        }
        String ticketPath = "/applications/" + APPLICATION + "/tickets/" + TICKET;
        if (path.startsWith(ticketPath)) {
            if (!admin && !"JKT".equals(office)) {
                problem(x, 404, "application-not-found", "Permohonan tidak ditemukan", null);
            } else if (method.equals("GET")) {
                json(x, 200, ticket.toString());
            } else {
                BODIES.add(method + " " + path.substring(ticketPath.length()) + " " + body);
                if (path.endsWith("/messages") && "CLOSED".equals(ticket.path("state").asText())) {
                    problem(x, 409, "ticket-closed", "Tiket sudah ditutup", "Tiket yang sudah ditutup tidak dapat dijawab.");
                } else if (path.endsWith("/messages")) {
                    ((ArrayNode) ticket.get("messages")).addObject().put("id", "m-2").put("authorRole", "OFFICER")
                            .put("authorId", "o-1").put("message", JSON.readTree(body).path("message").asText())
                            .put("at", "2026-12-04T03:00:00Z");
                    ticket.put("state", "ANSWERED");
                    json(x, 201, ticket.toString());
                } else {
                    ticket.put("state", "CLOSED").put("reopenableUntil", "2026-12-11T03:00:00Z");
                    json(x, 200, ticket.toString());
                }
            }
            return true;
        }
        if (path.startsWith("/reconciliation/")) {
            if (!admin) {
                problem(x, 403, "forbidden", "Akses ditolak", null);
            } else {
                refunds(x, method, path, query, body);
            }
            return true;
        }
        return false;
    }

    private static void refunds(HttpExchange x, String method, String path, String query, String body)
            throws IOException {
        String q = query == null ? "" : query;
        String day = q.matches("(.*&)?date=[^&]*.*") ? q.replaceAll("(.*&)?date=([^&]*).*", "$2") : "";
        if (!day.isEmpty() && !day.matches("\\d{4}-\\d{2}-\\d{2}")) {
            ArrayNode errors = JSON.createArrayNode();
            errors.addObject().put("field", "date").put("message", "tanggal harus berformat yyyy-MM-dd");
            ObjectNode p = JSON.createObjectNode().put("type", "https://mpaspor.imigrasi.go.id/problems/validation")
                    .put("title", "Data tidak valid").put("status", 400);
            p.set("errors", errors);
            x.getResponseHeaders().set("Content-Type", "application/problem+json");
            send(x, 400, p.toString());
        } else if (path.equals("/reconciliation/refunds")) {
            String wanted = q.contains("state=") ? q.replaceAll(".*state=([A-Z]*).*", "$1") : null;
            String paid = "{\"id\":\"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d\",\"billingCode\":\"820261130000007\","
                    + "\"channel\":\"atm\",\"amount\":350000,\"reason\":\"LATE\",\"state\":\"PAID\",\"requestedAt\":"
                    + "\"2026-11-30T02:00:00Z\",\"refundReference\":\"RF-ATM-20261201-000002\"}";
            String open = "{\"id\":\"" + CASE + "\",\"billingCode\":\"820261204000001\",\"channel\":\"indomaret\","
                    + "\"amount\":1900000,\"reason\":\"ALREADY_PAID\",\"state\":\"" + caseState + "\",\"requestedAt\":"
                    + "\"2026-12-05T01:00:00Z\"}";
            StringBuilder list = new StringBuilder("[");
            if (wanted == null || wanted.equals(caseState)) {
                list.append(open);
            }
            if (wanted == null || wanted.equals("PAID")) {
                list.append(list.length() > 1 ? "," : "").append(paid);
            }
            json(x, 200, list.append("]").toString());
        } else if (path.equals("/reconciliation/refund-report")) {
            json(x, 200, "{\"date\":\"" + q.replaceAll(".*date=([0-9-]*).*", "$1") + "\",\"unmatched\":[{\"paymentId\":"
                    + "\"p-1\",\"billingCode\":\"820261204000001\",\"channel\":\"indomaret\",\"channelReference\":\"IDM-1\","
                    + "\"amount\":1900000,\"paidAt\":\"2026-12-05T00:30:00Z\",\"refundReason\":\"ALREADY_PAID\","
                    + "\"refundCaseId\":\"" + CASE + "\",\"refundCaseState\":\"REQUESTED\"}],\"unmatchedAmount\":1900000,"
                    + "\"requested\":{\"count\":3,\"amount\":3150000},\"approved\":{\"count\":1,\"amount\":950000},"
                    + "\"rejected\":{\"count\":0,\"amount\":0},\"paid\":{\"count\":2,\"amount\":700000}}");
        } else if (path.equals("/reconciliation/refunds/" + CASE + "/approve")
                || path.equals("/reconciliation/refunds/" + CASE + "/reject")) {
            BODIES.add(method + " " + path + " " + body);
            boolean reject = path.endsWith("/reject");
            String reason = reject ? JSON.readTree(body).path("reason").asText("") : "";
            if (reject && reason.isBlank()) {
                ArrayNode errors = JSON.createArrayNode();
                errors.addObject().put("field", "reason").put("message", "alasan penolakan 1 sampai 500 karakter");
                ObjectNode p = JSON.createObjectNode().put("type", "https://mpaspor.imigrasi.go.id/problems/validation")
                        .put("title", "Data tidak valid").put("status", 400);
                p.set("errors", errors);
                x.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(x, 400, p.toString());
            } else if (!"REQUESTED".equals(caseState)) {
                problem(x, 409, "refund-case-state-conflict", "Status kasus tidak sesuai",
                        "Kasus ini sudah diputuskan (" + caseState + ").");
            } else {
                caseState = reject ? "REJECTED" : "APPROVED";
                json(x, 200, "{\"id\":\"" + CASE + "\",\"state\":\"" + caseState + "\"}");
            }
        } else {
            problem(x, 404, "refund-case-not-found", "Kasus tidak ditemukan", null);
        }
    }

    private static String summary() {
        return JSON.createObjectNode().put("id", TICKET).put("applicationId", APPLICATION).put("officeCode", "JKT")
                .put("category", ticket.path("category").asText()).put("subject", ticket.path("subject").asText())
                .put("state", ticket.path("state").asText()).put("createdAt", ticket.path("createdAt").asText())
                .put("updatedAt", ticket.path("updatedAt").asText()).toString();
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
