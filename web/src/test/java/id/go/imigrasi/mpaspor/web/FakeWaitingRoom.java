package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * The waiting room of {@link FakeApi}: one release ({@link #RELEASE}) at office MKS whose room is open, answering as
 * quota-service does ({@code GET .../waiting-room}, {@code /challenge}, {@code POST /entries}, {@code /position} with
 * the {@code Waiting-Room-Ticket} header, {@code /events} as Server-Sent Events, {@code POST /pass}), the office's
 * {@code GET /offices/MKS/waiting-rooms}, and, while {@link #requirePass} is set, {@code 403 hold-pass-required} for a
 * {@code POST /holds} without a {@code Hold-Pass}. Each request's ticket, token and pass are kept in {@link #SEEN}.
 */
public final class FakeWaitingRoom {

    public static final String RELEASE = "3f0c2a4e-8b1d-4c6e-9a7f-2d5e6b7c8a90";
    public static final String TICKET = "ticket-pre-queue.sig";
    public static final String PLACED = "ticket-position-41.sig";
    public static final String PASS = "pass-mks.sig";
    public static final String SALT = "0a1b2c3d4e5f60718293a4b5?expires=4102444800&account=1f2e3d4c5b6a7980";
    public static final String CHALLENGE = "9".repeat(64);
    public static final String SIGNATURE = "5".repeat(64);
    public static final List<String> SEEN = new CopyOnWriteArrayList<>();
    /** PRE_QUEUE, PLACING (WAITING without a position yet), WAITING, ADMITTED or SOLD_OUT: what a check answers. */
    public static volatile String state = "WAITING";
    public static volatile boolean requirePass;
    /** Joins still to shed (503 + Retry-After 2, as the gateway answers a crowd) before one is answered. */
    public static final java.util.concurrent.atomic.AtomicInteger SHED_JOINS = new java.util.concurrent.atomic.AtomicInteger();
    /** Every ticket refused (403 waiting-room-ticket-invalid), as after a change of the signing key. */
    public static volatile boolean refuseTickets;

    private FakeWaitingRoom() {
    }

    public static void reset() {
        SEEN.clear();
        state = "WAITING";
        requirePass = false;
        refuseTickets = false;
        SHED_JOINS.set(0);
    }

    static boolean answer(HttpExchange exchange, String path, String body) throws IOException {
        String method = exchange.getRequestMethod();
        String room = "/api/v1/releases/" + RELEASE + "/waiting-room";
        String ticket = exchange.getRequestHeaders().getFirst("Waiting-Room-Ticket");
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (path.equals("/api/v1/applications") && method.equals("GET")) {
            json(exchange, 200, "[{\"id\":\"" + FakeApi.APPLICATION + "\",\"status\":\"DRAFT\"}]");
        } else if (path.equals("/api/v1/offices/MKS/waiting-rooms")) {
            json(exchange, 200, "[" + status("WAITING", null, null) + "]");
        } else if (path.equals(room) && method.equals("GET")) {
            SEEN.add("room");
            json(exchange, 200, status("SOLD_OUT".equals(state) ? state : "WAITING", null, null));
        } else if (path.equals(room + "/challenge")) {
            SEEN.add("challenge " + auth);
            json(exchange, 200, "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + CHALLENGE + "\",\"maxnumber\":100000,"
                    + "\"salt\":\"" + SALT + "\",\"signature\":\"" + SIGNATURE + "\"}");
        } else if (path.equals(room + "/entries") && method.equals("POST")) {
            SEEN.add("join " + auth + " " + body);
            if (SHED_JOINS.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                exchange.getResponseHeaders().set("Retry-After", "2");
                problem(exchange, 503, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/service-unavailable\","
                        + "\"title\":\"Layanan sedang sibuk\",\"status\":503}");
            } else if (body.contains("\"altcha\":\"bad\"")) {
                problem(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/validation\",\"title\":"
                        + "\"Data tidak valid\",\"status\":400,\"errors\":[{\"field\":\"altcha\",\"message\":"
                        + "\"Bukti kerja (ALTCHA) tidak valid\"}]}");
            } else {
                json(exchange, 200, status("PRE_QUEUE", TICKET, null));
            }
        } else if (path.equals(room + "/position")) {
            SEEN.add("position " + ticket);
            if (refuseTickets || ticket == null) {
                problem(exchange, 403, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/waiting-room-ticket-invalid\","
                        + "\"title\":\"Tiket tidak valid\",\"status\":403}");
            } else if ("PRE_QUEUE".equals(state)) {
                exchange.getResponseHeaders().set("Retry-After", "9");
                json(exchange, 200, status("PRE_QUEUE", ticket, null));
            } else if ("PLACING".equals(state)) {
                // joined after the release: in the queue, the position given at the leader's next tick
                exchange.getResponseHeaders().set("Retry-After", "1");
                json(exchange, 200, status("WAITING", ticket, null));
            } else {
                // the pre-queue ticket is swapped for the one with its shuffled position
                if (!"SOLD_OUT".equals(state)) {
                    exchange.getResponseHeaders().set("Retry-After", "7");
                }
                json(exchange, 200, status(state, PLACED, 41L));
            }
        } else if (path.equals(room + "/events")) {
            SEEN.add("events " + ticket + " " + exchange.getRequestHeaders().getFirst("Accept"));
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("data:" + status("WAITING", ticket, 41L) + "\n\n").getBytes(StandardCharsets.UTF_8));
                out.write((": keep-alive\n\n").getBytes(StandardCharsets.UTF_8));
                out.write(("data:" + status("ADMITTED", ticket, 41L) + "\n\n").getBytes(StandardCharsets.UTF_8));
            }
        } else if (path.equals(room + "/pass") && method.equals("POST")) {
            SEEN.add("pass " + auth + " " + body);
            json(exchange, 200, "{\"releaseId\":\"" + RELEASE + "\",\"pass\":\"" + PASS + "\",\"expiresAt\":"
                    + "\"2099-12-06T20:10:00Z\"}");
        } else if (path.equals("/api/v1/holds") && method.equals("POST")) {
            String pass = exchange.getRequestHeaders().getFirst("Hold-Pass");
            SEEN.add("hold " + pass);
            if (requirePass && pass == null) {
                problem(exchange, 403, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/hold-pass-required\","
                        + "\"title\":\"Antre di ruang tunggu\",\"status\":403,\"detail\":\"Selama rilis kuota, pemesanan"
                        + " memerlukan izin dari ruang tunggu: /api/v1/releases/" + RELEASE + "/waiting-room\"}");
                return true;
            }
            return false;
        } else {
            return false;
        }
        return true;
    }

    /** A status as quota-service answers it (position 41: 40 admitted, so 0 ahead when WAITING is 1 step away). */
    static String status(String state, String ticket, Long position) {
        boolean waiting = "WAITING".equals(state) && position != null;
        return "{\"releaseId\":\"" + RELEASE + "\",\"officeCode\":\"MKS\",\"state\":\"" + state + "\",\"ticket\":"
                + (ticket == null ? "null" : "\"" + ticket + "\"") + ",\"position\":" + position + ",\"ahead\":"
                + (waiting ? "12" : "null") + ",\"admittedUpTo\":28,\"queued\":1234,\"estimatedWaitSeconds\":"
                + (waiting ? "150" : "null") + ",\"placesLeft\":" + ("SOLD_OUT".equals(state) ? 0 : 377)
                + ",\"releaseAt\":\"2099-12-06T20:00:00Z\",\"nextReleaseAt\":"
                + ("SOLD_OUT".equals(state) ? "\"2099-12-13T20:00:00Z\"" : "null")
                + ",\"updatedAt\":\"2099-12-06T20:01:00Z\",\"retryAfterSeconds\":"
                + (ticket == null || "SOLD_OUT".equals(state) || "ADMITTED".equals(state) ? "null" : "7")
                + ",\"fromDate\":\"2099-12-07\",\"toDate\":\"2099-12-11\",\"opensAt\":\"2026-01-01T00:00:00Z\","
                + "\"closesAt\":\"2099-12-06T22:00:00Z\"}";
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        write(exchange, status, "application/json", json);
    }

    private static void problem(HttpExchange exchange, int status, String json) throws IOException {
        write(exchange, status, "application/problem+json", json);
    }

    private static void write(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
