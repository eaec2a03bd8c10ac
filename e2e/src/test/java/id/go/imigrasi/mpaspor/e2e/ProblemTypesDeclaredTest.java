package id.go.imigrasi.mpaspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every problem type the public API's services can answer is one the committed contract
 * ({@code docs/api/openapi.json}) names, under its own status, on at least one operation. The gateway's
 * {@code PublicContract} declares 400, 401, 403, 404, 429 and 503 on every operation where they can happen, with
 * general descriptions; every other status (409, 410, 412, 413, 422, ...) is particular to an operation and only
 * the service can declare it. Without this, a status is found missing only when a test's traffic happens to meet it
 * (as {@link DeclaredStatuses} did: a submission answered 409 hold-not-yet-known in a slow CI run).
 * A plain unit test over the sources' {@code *Problem.java} classes: no running system.
 */
class ProblemTypesDeclaredTest {

    private static final Path ROOT = Path.of("..");
    /** The services behind /api/v1; the gateway's own problems are edge answers (414, 431) the contract states once. */
    private static final List<String> SERVICES = List.of("account-service", "application-service",
            "application-upload", "billing-service", "biometric-service", "quota-service", "upload-service");
    /** Declared by the gateway's PublicContract for every operation where they can happen. */
    private static final Set<Integer> COMMON = Set.of(400, 401, 403, 404, 429, 503);
    /**
     * Answered only on a service-to-service path, never on /api/v1: upload-service's document read for
     * application-service, which answers the public caller 503 document-store-unavailable instead.
     */
    private static final Map<String, String> NOT_PUBLIC = Map.of("upload-document-unreadable",
            "upload-service's internal GET /documents/{uploadId}; application-service answers 503 document-store-unavailable");
    private static final Pattern PROBLEM = Pattern.compile("ProblemType\\.of\\(\"([a-z0-9-]+)\",\\s*(\\d{3})\\)");

    @Test
    void everyParticularProblemTypeIsNamedUnderItsStatus() throws IOException {
        Map<String, Integer> problems = problemTypes();
        assertThat(problems).as("problem types found in the services' *Problem.java").hasSizeGreaterThan(50);
        JsonNode contract = new ObjectMapper().readTree(ROOT.resolve("docs/api/openapi.json").toFile());
        Map<Integer, StringBuilder> described = new TreeMap<>();
        contract.path("paths").forEach(item -> item.forEach(operation -> operation.path("responses").fields()
                .forEachRemaining(response -> {
                    if (response.getKey().matches("\\d{3}")) {
                        described.computeIfAbsent(Integer.valueOf(response.getKey()), s -> new StringBuilder())
                                .append(response.getValue().path("description").asText()).append('\n');
                    }
                })));
        List<String> undeclared = new ArrayList<>();
        problems.forEach((slug, status) -> {
            if (!COMMON.contains(status) && !NOT_PUBLIC.containsKey(slug) && !Pattern.compile("(?<![a-z-])" + Pattern.quote(slug) + "(?![a-z-])")
                    .matcher(described.getOrDefault(status, new StringBuilder())).find()) {
                undeclared.add(slug + " (" + status + ")");
            }
        });
        assertThat(undeclared).as("problem types no operation of docs/api/openapi.json names under their status:"
                + " declare them with @APIResponse on the operations that answer them, then ./mpaspor contract")
                .isEmpty();
    }

    @Test
    void theParserFindsTheKnownOnes() throws IOException {
        Map<String, Integer> problems = problemTypes();
        assertThat(problems).containsEntry("hold-not-yet-known", 409).containsEntry("submission-incomplete", 422)
                .containsEntry("upload-checksum-mismatch", 460).containsKeys(NOT_PUBLIC.keySet().toArray(String[]::new));
    }

    private static Map<String, Integer> problemTypes() throws IOException {
        Map<String, Integer> found = new TreeMap<>();
        for (String service : SERVICES) {
            try (Stream<Path> files = Files.walk(ROOT.resolve(service).resolve("src/main/java"))) {
                for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Problem.java")).toList()) {
                    Matcher m = PROBLEM.matcher(Files.readString(file));
                    while (m.find()) {
                        found.put(m.group(1), Integer.valueOf(m.group(2)));
                    }
                }
            }
        }
        return found;
    }
}
