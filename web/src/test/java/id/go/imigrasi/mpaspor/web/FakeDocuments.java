package id.go.imigrasi.mpaspor.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;

/**
 * The documents of {@link FakeApi}'s draft application {@link #DRAFT}, answering as application-service does: its
 * requirements (one applicant, {@link #AGUS}: an e-KTP missing, a family card rejected, a proof of birth that four
 * kinds of document satisfy; JPEG, PNG or PDF of at most {@link #MAX_BYTES}), and the tus endpoint for uploads that
 * carry {@code Upload-Metadata} ({@code POST /uploads}, {@code PATCH}/{@code HEAD /uploads/doc-N}). Every tus
 * request is kept in {@link #TUS} with its headers and bytes. A finished upload makes its document type
 * {@code UPLOADED} in the requirements, as the API's state would be while it validates.
 * <p>
 * {@link #CREATE_ANSWERS} makes the next creations fail (503 with Retry-After 9, 409 upload-target-not-yet-known with
 * Retry-After 2, or a 400 problem about the file
 * name); {@link #dropNextPatch} closes the connection of the next PATCH after it stored half of the bytes, without
 * an answer.
 */
public final class FakeDocuments {

    public static final String DRAFT = "6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public static final String AGUS = "9b8a7c6d-5e4f-4321-8765-43210fedcba9";
    public static final long MAX_BYTES = 1024 * 1024;
    public static final List<TusRequest> TUS = new CopyOnWriteArrayList<>();
    public static final Queue<Integer> CREATE_ANSWERS = new ConcurrentLinkedQueue<>();
    public static volatile boolean dropNextPatch;
    private static final Set<String> UPLOADED = ConcurrentHashMap.newKeySet();
    private static final Map<String, Upload> UPLOADS = new ConcurrentHashMap<>();

    /** One tus request as the API got it: method, path, headers (case-insensitive names), body. */
    public record TusRequest(String method, String path, Map<String, String> headers, byte[] body) {

        public String header(String name) {
            return headers.get(name);
        }
    }

    private static final class Upload {
        final long length;
        final String documentType;
        long offset;

        Upload(long length, String documentType) {
            this.length = length;
            this.documentType = documentType;
        }
    }

    private FakeDocuments() {
    }

    public static void reset() {
        TUS.clear();
        CREATE_ANSWERS.clear();
        UPLOADED.clear();
        UPLOADS.clear();
        dropNextPatch = false;
    }

    static boolean answer(HttpExchange exchange, String path, byte[] body) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/api/v1/applications/" + DRAFT + "/requirements")) {
            json(exchange, 200, requirements());
            return true;
        }
        boolean creation = method.equals("POST") && path.equals("/api/v1/uploads")
                && exchange.getRequestHeaders().containsKey("Upload-Metadata");
        String id = path.startsWith("/api/v1/uploads/doc-") ? path.substring("/api/v1/uploads/".length()) : null;
        if (!creation && id == null) {
            return false;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
        TUS.add(new TusRequest(method, path, headers, body));
        exchange.getResponseHeaders().set("Tus-Resumable", "1.0.0");
        if (creation) {
            Integer failure = CREATE_ANSWERS.poll();
            if (failure != null && failure == 503) {
                exchange.getResponseHeaders().set("Retry-After", "9");
                problem(exchange, 503, "{\"title\":\"Server sibuk\",\"status\":503}");
            } else if (failure != null && failure == 409) {
                // upload-service has not heard of the applicant yet
                exchange.getResponseHeaders().set("Retry-After", "2");
                problem(exchange, 409, "{\"type\":\"https://mpaspor.imigrasi.go.id/problems/upload-target-not-yet-known\","
                        + "\"title\":\"Permohonan atau pemohon belum dikenali\",\"status\":409}");
            } else if (failure != null) {
                problem(exchange, failure, "{\"title\":\"Data tidak valid\",\"status\":" + failure + ",\"errors\":["
                        + "{\"field\":\"Upload-Metadata.filename\",\"code\":\"upload.validation.file-name\","
                        + "\"message\":\"Nama file terlalu panjang (paling banyak 255 karakter)\"}]}");
            } else {
                String uploadId = "doc-" + (UPLOADS.size() + 1);
                String type = metadata(headers.get("Upload-Metadata")).get("documentType");
                UPLOADS.put(uploadId, new Upload(Long.parseLong(headers.get("Upload-Length")), type));
                exchange.getResponseHeaders().set("Location", "http://127.0.0.1:1/api/v1/uploads/" + uploadId);
                exchange.getResponseHeaders().set("Upload-Offset", "0");
                exchange.sendResponseHeaders(201, -1);
                exchange.close();
            }
            return true;
        }
        Upload upload = UPLOADS.get(id);
        if (upload == null) {
            problem(exchange, 404, "{\"title\":\"Tidak ditemukan\",\"status\":404}");
        } else if (method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Upload-Offset", String.valueOf(upload.offset));
            exchange.getResponseHeaders().set("Upload-Length", String.valueOf(upload.length));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        } else if (method.equals("PATCH")) {
            if (Long.parseLong(headers.get("Upload-Offset")) != upload.offset) {
                problem(exchange, 409, "{\"title\":\"Offset salah\",\"status\":409}");
                return true;
            }
            if (dropNextPatch) {
                dropNextPatch = false;
                upload.offset += body.length / 2;
                // no answer at all: closed before any header is sent, the JDK server closes the connection
                exchange.close();
                return true;
            }
            upload.offset += body.length;
            if (upload.offset == upload.length) {
                UPLOADED.add(upload.documentType);
            }
            exchange.getResponseHeaders().set("Upload-Offset", String.valueOf(upload.offset));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        } else {
            problem(exchange, 405, "{\"title\":\"Metode tidak didukung\",\"status\":405}");
        }
        return true;
    }

    /** The tus metadata header decoded. */
    public static Map<String, String> metadata(String header) {
        Map<String, String> values = new TreeMap<>();
        for (String pair : header.split(",")) {
            String[] kv = pair.trim().split(" ", 2);
            values.put(kv[0], kv.length > 1
                    ? new String(java.util.Base64.getDecoder().decode(kv[1]), StandardCharsets.UTF_8) : "");
        }
        return values;
    }

    private static String requirements() {
        return "{\"applicationId\":\"" + DRAFT + "\",\"limits\":{\"acceptedTypes\":[\"image/jpeg\",\"image/png\","
                + "\"application/pdf\"],\"maxBytes\":" + MAX_BYTES + ",\"minImageWidth\":600,\"minImageHeight\":400},"
                + "\"applicants\":[{\"applicantId\":\"" + AGUS + "\",\"fullName\":\"Agus Wijaya\",\"minor\":false,"
                + "\"applicationType\":\"NEW\",\"complete\":false,\"documents\":["
                + line("EKTP", List.of("EKTP"), null) + ","
                + line("KK", List.of("KK"), "Gambar terlalu buram") + ","
                + line("PROOF_OF_BIRTH_DATA", List.of("BIRTH_CERTIFICATE", "DIPLOMA", "MARRIAGE_BOOK", "BAPTISM_LETTER"),
                        null)
                + "]}],\"readyToSubmit\":false}";
    }

    private static String line(String code, List<String> accepted, String rejected) {
        String state = accepted.stream().anyMatch(UPLOADED::contains) ? "UPLOADED"
                : rejected != null ? "REJECTED" : "MISSING";
        return "{\"code\":\"" + code + "\",\"acceptedDocuments\":[\"" + String.join("\",\"", accepted)
                + "\"],\"required\":true,\"state\":\""
                + state + "\",\"documentType\":null,\"uploadId\":null,\"reasonCode\":null,\"reasonId\":"
                + (rejected == null || !state.equals("REJECTED") ? "null" : "\"" + rejected + "\"")
                + ",\"reasonEn\":null}";
    }

    private static void json(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/json", json);
    }

    private static void problem(HttpExchange exchange, int status, String json) throws IOException {
        send(exchange, status, "application/problem+json", json);
    }

    private static void send(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
