package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * The account service's notification preferences as the stand-in API keeps them for Agus (issue 22): e-mail only at
 * first; a code for a mobile number is "sent" when the number is an Indonesian mobile (else the API's field error),
 * {@link #CODE} proves it; SMS or WhatsApp before that is the API's field error on {@code channels}. The bodies sent
 * are kept in {@link #BODIES}.
 */
final class FakeNotifications {

    static final String CODE = "246810";
    static final List<String> BODIES = new CopyOnWriteArrayList<>();
    private static volatile String channels = "\"EMAIL\"";
    private static volatile String language = "id";
    private static volatile String phone;
    private static volatile String pendingPhone;

    private FakeNotifications() {
    }

    static void reset() {
        channels = "\"EMAIL\"";
        language = "id";
        phone = null;
        pendingPhone = null;
        BODIES.clear();
    }

    static boolean answer(HttpExchange exchange, String method, String path, String body) throws IOException {
        if (path.equals("/api/v1/accounts/me/notification-preferences")) {
            if (method.equals("PUT")) {
                BODIES.add("PUT " + body);
                boolean texts = body.contains("SMS") || body.contains("WHATSAPP");
                if (texts && phone == null) {
                    problem(exchange, "{\"field\":\"channels\",\"code\":\"account.notifications.phone-not-verified\","
                            + "\"message\":\"SMS dan WhatsApp memerlukan nomor HP yang sudah diverifikasi dengan kode SMS\"}");
                    return true;
                }
                if (body.contains("\"channels\":[]")) {
                    problem(exchange, "{\"field\":\"channels\",\"code\":\"account.notifications.channels-empty\","
                            + "\"message\":\"pilih paling sedikit satu saluran\"}");
                    return true;
                }
                String list = body.replaceAll(".*\"channels\":\\[([^\\]]*)\\].*", "$1");
                channels = list;
                language = body.contains("\"language\":\"en\"") ? "en" : "id";
            }
            json(exchange, 200, preferences());
            return true;
        }
        if (method.equals("POST") && path.equals("/api/v1/accounts/me/phone")) {
            BODIES.add("PHONE " + body);
            String number = body.replaceAll(".*\"phone\":\"([^\"]*)\".*", "$1").replaceAll("[^0-9]", "");
            if (!number.matches("0?8\\d{8,11}")) {
                problem(exchange, "{\"field\":\"phone\",\"code\":\"account.phone.invalid\","
                        + "\"message\":\"nomor HP tidak valid (contoh: 0812-3456-7890)\"}");
                return true;
            }
            pendingPhone = "+62" + number.replaceFirst("^0", "");
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
            return true;
        }
        if (method.equals("POST") && path.equals("/api/v1/accounts/me/phone/verification")) {
            BODIES.add("CODE " + body);
            if (pendingPhone == null || !body.contains("\"otp\":\"" + CODE + "\"")) {
                exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
                send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/otp-rejected\","
                        + "\"title\":\"Kode OTP tidak dapat digunakan\",\"status\":400,\"errors\":[{\"field\":\"otp\","
                        + "\"code\":\"account.otp.wrong\",\"message\":\"kode OTP salah atau sudah tidak berlaku, sisa 4 percobaan\"}]}");
                return true;
            }
            phone = pendingPhone;
            json(exchange, 200, preferences());
            return true;
        }
        return false;
    }

    private static String preferences() {
        return "{\"channels\":[" + channels + "],\"language\":\"" + language + "\",\"email\":\"agus@example.id\","
                + "\"phone\":" + (phone == null ? "\"+6281234567890\"" : "\"" + phone + "\"") + ",\"phoneVerifiedAt\":"
                + (phone == null ? "null" : "\"2026-12-06T03:00:00Z\"") + "}";
    }

    private static void problem(HttpExchange exchange, String fieldError) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/problem+json");
        send(exchange, 400, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/validation\","
                + "\"title\":\"Data tidak valid\",\"status\":400,\"errors\":[" + fieldError + "]}");
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        StandInServer.json(exchange, status, json);
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        StandInServer.send(exchange, status, json);
    }
}
