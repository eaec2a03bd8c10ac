package id.go.imigrasi.mpaspor.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Sends bad input to every POST, PUT and PATCH endpoint with a JSON body that a service's OpenAPI document lists,
 * and NUL in every path parameter: duplicate keys, trailing garbage, NUL in text, 1 MB strings, wrong types,
 * missing or wrong content type, empty body, huge numbers, deep nesting, not JSON at all. Each request is sent with
 * the first of the given tokens the endpoint accepts, so the body is read; path parameters get the values the
 * service knows where it refuses others before reading the body (a payment channel), and a {@link Signer} adds the
 * headers without which the body would not be read at all (a channel's HMAC signature over that very body). The
 * verdict: no answer 5xx, every 4xx is {@code application/problem+json}, and what cannot be JSON was refused by the
 * parser (400), not hidden behind an earlier 401/403/404. {@link ServiceContract} runs it for every service.
 */
public final class BadInputFuzz {

    /** The cases no JSON parser may accept: their answer shows whether the body was parsed at all. */
    static final List<String> UNPARSEABLE = List.of("duplicate-keys", "trailing-garbage", "trailing-object", "not-json");

    /** Headers a request needs to be read at all, computed from its body (e.g. an HMAC signature). */
    @FunctionalInterface
    public interface Signer {
        Signer NONE = (method, path, body) -> Map.of();

        Map<String, String> headers(String method, String path, byte[] body);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MB_STRING = "x".repeat(1_000_000);

    /** One request of the suite and the answer it got. */
    public record Outcome(String fuzzCase, String method, String path, int status, String contentType, String body) {

        boolean acceptable() {
            return status < 500 && (status < 400 || (contentType != null && contentType.startsWith("application/problem+json")));
        }

        @Override
        public String toString() {
            return fuzzCase + " " + method + " " + path + " -> " + status + " " + contentType + " "
                    + (body == null ? "" : body.substring(0, Math.min(200, body.length())));
        }
    }

    /** The outcomes, the ones that break the promise, and a count per case and status. */
    public record Report(List<Outcome> outcomes) {

        public List<Outcome> failures() {
            return outcomes.stream().filter(o -> !o.acceptable()).toList();
        }

        /** Unparseable bodies answered with something else than a parser's refusal (400, or 413/415). */
        public List<Outcome> parserNotReached() {
            return outcomes.stream().filter(o -> UNPARSEABLE.contains(o.fuzzCase()))
                    .filter(o -> o.status() != 400 && o.status() != 413 && o.status() != 415).toList();
        }

        public String summary(String service) {
            Map<String, Map<Integer, Integer>> counts = new TreeMap<>();
            for (Outcome o : outcomes) {
                counts.computeIfAbsent(o.fuzzCase(), c -> new TreeMap<>()).merge(o.status(), 1, Integer::sum);
            }
            StringBuilder out = new StringBuilder("bad-input fuzz of " + service + ": " + outcomes.size()
                    + " requests, " + outcomes.stream().map(o -> o.method() + " " + o.path()).distinct().count()
                    + " endpoints, " + outcomes.stream().filter(o -> o.status() >= 500).count() + " x 5xx, "
                    + failures().size() + " failures, " + parserNotReached().size() + " unparseable bodies not parsed\n");
            counts.forEach((c, byStatus) -> out.append(String.format("  %-22s %s%n", c, byStatus)));
            return out.toString();
        }
    }

    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}/]+)}");

    private final URI base;
    private final List<String> tokens;
    private final Map<String, String> pathValues;
    private final Signer signer;
    // HTTP/1.1, as the gateway speaks to the services: the JDK client's default for http:// is an h2c upgrade, and
    // once (CI, 2026-12-05, billing) an upgraded exchange never completed and ignored its 30 s request timeout,
    // hanging the build; the fuzz is about what a service does with the bytes, not the transport
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    public BadInputFuzz(URI base, List<String> tokens) {
        this(base, tokens, Map.of(), Signer.NONE);
    }

    public BadInputFuzz(URI base, List<String> tokens, Map<String, String> pathValues, Signer signer) {
        this.base = base;
        this.tokens = tokens;
        this.pathValues = Map.copyOf(pathValues);
        this.signer = signer;
    }

    /** The template with each parameter set to its known value, or a fresh UUID. */
    private String fill(String template) {
        Matcher m = PATH_PARAMETER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = pathValues.getOrDefault(m.group(1), UUID.randomUUID().toString());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return m.appendTail(out).toString();
    }

    public Report run() throws IOException, InterruptedException {
        JsonNode openApi = JSON.readTree(send("GET", "/q/openapi?format=json", null, null, null).body());
        List<Outcome> outcomes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            if (template.startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = entry.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase();
                if (!List.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String path = fill(template);
                if (template.contains("{")) {
                    String nul = template.replaceAll("\\{[^}]+}", "a%00b");
                    outcomes.add(outcome("nul-in-path", method, nul, send(method, nul, token(method, path), null, null)));
                }
                JsonNode content = op.getValue().path("requestBody").path("content");
                if (!List.of("POST", "PUT", "PATCH").contains(method) || !content.has("application/json")) {
                    continue;
                }
                JsonNode schema = resolve(openApi, content.path("application/json").path("schema"));
                String token = token(method, path);
                for (Map.Entry<String, Function<JsonNode, Body>> fuzz : cases().entrySet()) {
                    Body body = fuzz.getValue().apply(schema);
                    outcomes.add(outcome(fuzz.getKey(), method, path,
                            send(method, path, token, body.contentType(), body.bytes())));
                }
            }
        }
        return new Report(outcomes);
    }

    private record Body(String contentType, byte[] bytes) {

        static Body json(String text) {
            return new Body("application/json", text.getBytes(StandardCharsets.UTF_8));
        }
    }

    private static Map<String, Function<JsonNode, Body>> cases() {
        Map<String, Function<JsonNode, Body>> cases = new LinkedHashMap<>();
        cases.put("duplicate-keys", s -> {
            String name = firstProperty(s);
            return Body.json("{\"" + name + "\":\"a\",\"" + name + "\":\"b\"}");
        });
        cases.put("trailing-garbage", s -> Body.json(sample(s, "ok").toString() + "garbage"));
        cases.put("trailing-object", s -> Body.json(sample(s, "ok").toString() + "{}"));
        cases.put("nul-in-text", s -> Body.json(sample(s, "a\u0000b").toString()));
        cases.put("1mb-strings", s -> Body.json(sample(s, MB_STRING).toString()));
        cases.put("wrong-types", s -> Body.json(wrongTypes(s).toString()));
        cases.put("no-content-type", s -> new Body(null, sample(s, "ok").toString().getBytes(StandardCharsets.UTF_8)));
        cases.put("text-plain", s -> new Body("text/plain", sample(s, "ok").toString().getBytes(StandardCharsets.UTF_8)));
        cases.put("empty-body", s -> Body.json(""));
        cases.put("json-null", s -> Body.json("null"));
        cases.put("json-array", s -> Body.json("[]"));
        cases.put("huge-numbers", s -> Body.json(hugeNumbers(s)));
        cases.put("deep-nesting", s -> Body.json("{\"" + firstProperty(s) + "\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}"));
        cases.put("not-json", s -> Body.json("<xml>nope</xml>"));
        return cases;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode schema) {
        String ref = schema.path("$ref").asText("");
        if (ref.startsWith("#/components/schemas/")) {
            return openApi.path("components").path("schemas").path(ref.substring("#/components/schemas/".length()));
        }
        return schema;
    }

    private static String firstProperty(JsonNode schema) {
        Iterator<String> names = schema.path("properties").fieldNames();
        return names.hasNext() ? names.next() : "field";
    }

    /** Every property of the schema, each text one set to {@code text}, the others to a plausible value. */
    private static ObjectNode sample(JsonNode schema, String text) {
        ObjectNode body = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            switch (p.getValue().path("type").asText("string")) {
                case "integer", "number" -> body.put(p.getKey(), 1);
                case "boolean" -> body.put(p.getKey(), true);
                case "array" -> body.putArray(p.getKey()).add(text);
                case "object" -> body.putObject(p.getKey()).put("value", text);
                default -> body.put(p.getKey(), text);
            }
        }
        if (body.isEmpty()) {
            body.put("field", text);
        }
        return body;
    }

    private static ObjectNode wrongTypes(JsonNode schema) {
        ObjectNode body = JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            switch (p.getValue().path("type").asText("string")) {
                case "integer", "number" -> body.put(p.getKey(), "12");
                case "boolean" -> body.put(p.getKey(), "yes");
                case "array" -> body.put(p.getKey(), 7);
                case "object" -> body.put(p.getKey(), false);
                default -> body.put(p.getKey(), 12345);
            }
        }
        return body;
    }

    private static String hugeNumbers(JsonNode schema) {
        StringBuilder out = new StringBuilder("{");
        for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext();) {
            out.append(out.length() > 1 ? "," : "").append('"').append(names.next()).append("\":")
                    .append(out.length() % 2 == 0 ? "1e400" : "9".repeat(400));
        }
        return out.append(out.length() > 1 ? "" : "\"field\":1e400").append('}').toString();
    }

    /** The first token the endpoint lets through its role check (a 401/403 would hide how the body is read). */
    private String token(String method, String path) throws IOException, InterruptedException {
        for (String token : tokens) {
            int status = send(method, path, token, "application/json", "{}".getBytes(StandardCharsets.UTF_8)).statusCode();
            if (status != 401 && status != 403) {
                return token;
            }
        }
        return tokens.isEmpty() ? null : tokens.get(0);
    }

    private HttpResponse<String> send(String method, String path, String token, String contentType, byte[] body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (body != null) {
            signer.headers(method, path, body).forEach(request::header);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Outcome outcome(String fuzzCase, String method, String path, HttpResponse<String> response) {
        return new Outcome(fuzzCase, method, path, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(null), response.body());
    }
}
