package id.go.imigrasi.mpaspor.e2e;

import static id.go.imigrasi.mpaspor.e2e.Journey.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The public contract as integrators get it, proven against the running system:
 * <ol>
 * <li>the gateway's aggregated OpenAPI and its AsyncAPI are exported ({@code e2e/target/contract/}) and are exactly
 * the committed contract ({@code docs/api/}): a change to the API is a change to those files, reviewed as such
 * ({@code ./mpaspor contract} writes them from a running stack);</li>
 * <li>both pass the linters integrators' tools use, with zero errors: Redocly CLI's recommended rules and the AsyncAPI
 * parser (npm, {@code e2e/contract-lint}, lockfile committed);</li>
 * <li>every operation has a stable operationId, one of the resource tags, a summary, its security stated (public
 * ones {@code security: []}), and its errors as the shared Problem schema, 429 and 503 with Retry-After.</li>
 * </ol>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith({ SharedSystem.class, StopAtFirstFailure.class })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicApiIT {

    private static final Set<String> TAGS = Set.of("accounts", "auth", "admin", "applications", "uploads", "offices",
            "holds", "waiting-room", "bills", "fees", "payments", "reconciliation", "appointments", "office-desk",
            "document-requirements", "application-status",
            // issue 22: the helpdesk (tickets, corrections, mails) and "tell me when this office releases quota"
            "helpdesk", "release-subscriptions");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    private SystemUnderTest system;
    private Path exported;
    private Path committed;

    @BeforeAll
    void system() throws IOException {
        system = SharedSystem.system();
        exported = Files.createDirectories(system.root().resolve("e2e/target/contract"));
        committed = system.root().resolve("docs/api");
    }

    @Test
    @Order(1)
    void theRunningSystemsOpenApiIsTheCommittedContract() throws Exception {
        step("Contract 1: the gateway's OpenAPI, exported, against docs/api/openapi.json");
        JsonNode live = json.readTree(get("/docs/openapi.json"));
        assertThat(live.path("x-mpaspor-missing-services")).as("every service contributed").isEmpty();
        Files.writeString(exported.resolve("openapi.json"), json.writeValueAsString(live) + "\n");
        JsonNode contract = json.readTree(committed.resolve("openapi.json").toFile());
        List<String> differences = new ArrayList<>();
        differences(contract, live, "", differences);
        assertThat(differences).as("the running system's OpenAPI differs from docs/api/openapi.json (first 30 shown)."
                + " If the change is meant, run ./mpaspor contract (or copy e2e/target/contract/openapi.json) and"
                + " check docs/integration.md's versioning policy").isEmpty();
    }

    @Test
    @Order(2)
    void theRunningSystemsAsyncApiIsTheCommittedContract() throws Exception {
        step("Contract 2: the gateway's AsyncAPI, exported, against docs/api/asyncapi.yaml");
        String body = get("/docs/asyncapi.yaml");
        Files.writeString(exported.resolve("asyncapi.yaml"), body);
        List<String> differences = new ArrayList<>();
        differences(yaml.readTree(committed.resolve("asyncapi.yaml").toFile()), yaml.readTree(body), "", differences);
        assertThat(differences).as("the running system's AsyncAPI differs from docs/api/asyncapi.yaml (first 30"
                + " shown): ./mpaspor contract").isEmpty();
    }

    @Test
    @Order(3)
    void theOpenApiPassesRedoclysRecommendedRules() throws Exception {
        step("Contract 3: redocly lint (recommended rules) of the exported OpenAPI");
        Path lint = system.root().resolve("e2e/contract-lint");
        String output = node(lint, lint.resolve("node_modules/@redocly/cli/bin/cli.js").toString(), "lint",
                "--config", lint.resolve("redocly.yaml").toString(), "--format", "stylish",
                exported.resolve("openapi.json").toString());
        step(output.lines().filter(l -> l.contains("error") || l.contains("warning") || l.contains("valid"))
                .limit(40).reduce("", (a, b) -> a + "\n    " + b));
        assertThat(output).as("redocly lint").doesNotContain(" error ");
    }

    @Test
    @Order(4)
    void theAsyncApiPassesTheAsyncApiParser() throws Exception {
        step("Contract 4: the AsyncAPI parser's validation of the exported AsyncAPI");
        Path lint = system.root().resolve("e2e/contract-lint");
        String output = node(lint, lint.resolve("validate-asyncapi.mjs").toString(),
                exported.resolve("asyncapi.yaml").toString());
        step(output.lines().reduce("", (a, b) -> a + "\n    " + b));
        assertThat(output).contains("parsed, 0 error(s)");
    }

    @Test
    @Order(5)
    void everyOperationSaysWhatItIsWhoMayCallItAndHowItFails() throws Exception {
        step("Contract 5: operationIds, tags, summaries, security and errors of every operation");
        JsonNode doc = json.readTree(exported.resolve("openapi.json").toFile());
        Set<String> ids = new HashSet<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (op.isMissingNode()) {
                    continue;
                }
                operations++;
                String name = method.toUpperCase() + " " + path.getKey();
                assertThat(op.path("operationId").asText()).as(name + " operationId").matches("[a-z][A-Za-z]+");
                assertThat(ids.add(op.path("operationId").asText())).as(name + " operationId unique").isTrue();
                assertThat(op.path("tags")).as(name + " one tag").hasSize(1);
                assertThat(TAGS).as(name + " tag").contains(op.path("tags").get(0).asText());
                assertThat(op.path("summary").asText()).as(name + " summary").isNotBlank();
                assertThat(op.has("security")).as(name + " states its security").isTrue();
                JsonNode responses = op.path("responses");
                assertThat(responses.fieldNames()).toIterable().as(name + " a success status")
                        .anyMatch(s -> s.startsWith("2"));
                for (String overload : List.of("429", "503")) {
                    assertThat(responses.path(overload).path("headers").has("Retry-After"))
                            .as(name + " " + overload + " Retry-After").isTrue();
                }
                if (op.path("security").size() > 0) {
                    assertThat(responses.has("401")).as(name + " 401").isTrue();
                }
                for (Iterator<Map.Entry<String, JsonNode>> r = responses.fields(); r.hasNext();) {
                    Map.Entry<String, JsonNode> response = r.next();
                    if (response.getKey().matches("[45]\\d\\d")) {
                        assertThat(response.getValue().path("content").path("application/problem+json")
                                .path("schema").path("$ref").asText()).as(name + " " + response.getKey())
                                .isEqualTo("#/components/schemas/Problem");
                    }
                }
            }
        }
        assertThat(operations).as("the public operations").isGreaterThan(70);
        JsonNode login = doc.path("paths").path("/api/v1/auth/login").path("post");
        assertThat(login.path("security")).as("login is public").isEmpty();
        assertThat(doc.path("paths").path("/api/v1/applications").path("post").path("responses").path("201")
                .path("headers").has("Location")).as("a created application says where it is").isTrue();
        assertThat(doc.path("components").path("schemas").path("Problem").path("required").toString())
                .contains("type", "title", "status");
        step(operations + " operations, each with its id, tag, summary, security and problem answers");
    }

    private String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(system.gateway() + path))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(path).isEqualTo(200);
        return answer.body();
    }

    private static String node(Path workingDirectory, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
                .start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        String output = new String(out, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
        return output;
    }

    /** JSON pointers where {@code expected} and {@code actual} differ (at most 30 collected). */
    private static void differences(JsonNode expected, JsonNode actual, String at, List<String> out) {
        if (out.size() >= 30) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                String child = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!expected.has(name)) {
                    out.add("added " + child);
                } else if (!actual.has(name)) {
                    out.add("removed " + child);
                } else {
                    differences(expected.get(name), actual.get(name), child, out);
                }
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                differences(expected.get(i), actual.get(i), at + "/" + i, out);
            }
        } else if (!expected.equals(actual)) {
            out.add("changed " + at + ": " + abbreviate(expected) + " -> " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }
}
