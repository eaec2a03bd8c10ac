package id.go.imigrasi.mpaspor.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.openapitools.openapidiff.core.OpenApiCompare;
import org.openapitools.openapidiff.core.model.ChangedOpenApi;
import org.openapitools.openapidiff.core.model.ChangedOperation;
import org.openapitools.openapidiff.core.model.Endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The versioning policy (docs/integration.md) as a check: the committed contract ({@code docs/api/openapi.json})
 * keeps everything the last release ({@code docs/api/released/v1.json}) promised, as openapi-diff judges it (a removed
 * operation, a removed or changed parameter, a new required request field, a removed response field or success
 * status, a changed type), unless {@code docs/api/breaking-changes.txt} declares the change. A plain unit test: no
 * running system, so it runs in every build.
 */
class ContractCompatibilityTest {

    private static final Path API = Path.of("..", "docs", "api");
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void theContractKeepsWhatTheLastReleasePromised() throws IOException {
        ChangedOpenApi diff = OpenApiCompare.fromContents(Files.readString(API.resolve("released/v1.json")),
                Files.readString(API.resolve("openapi.json")));
        Set<String> declared = Files.readAllLines(API.resolve("breaking-changes.txt")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.split(":", 2)[0].trim())
                .collect(Collectors.toSet());
        assertThat(breaking(diff)).as("incompatible with docs/api/released/v1.json and not declared in"
                + " docs/api/breaking-changes.txt (the versioning policy: docs/integration.md)")
                .filteredOn(change -> !declared.contains(change)).isEmpty();
    }

    @Test
    void aRemovedOperationAndANewRequiredRequestFieldAreCaught() throws IOException {
        String current = Files.readString(API.resolve("openapi.json"));
        ObjectNode changed = (ObjectNode) json.readTree(current);
        ((ObjectNode) changed.at("/paths/~1api~1v1~1uploads~1{id}")).remove("delete");
        ObjectNode hold = (ObjectNode) changed.at("/components/schemas/HoldRequest");
        assertThat(hold.isMissingNode()).as("the hold's request schema").isFalse();
        ((ObjectNode) hold.path("properties")).putObject("reason").put("type", "string");
        (hold.has("required") ? (ArrayNode) hold.get("required") : hold.putArray("required")).add("reason");
        ((ObjectNode) changed.at("/info")).put("description", "changed wording is not a break");

        List<String> breaking = breaking(OpenApiCompare.fromContents(current, json.writeValueAsString(changed)));
        assertThat(breaking).containsExactlyInAnyOrder("DELETE /api/v1/uploads/{id}", "POST /api/v1/holds");
    }

    /** "METHOD path" of every removed operation and every operation changed incompatibly. */
    static List<String> breaking(ChangedOpenApi diff) {
        List<String> out = new ArrayList<>();
        for (Endpoint missing : diff.getMissingEndpoints()) {
            out.add(missing.getMethod() + " " + missing.getPathUrl());
        }
        for (ChangedOperation operation : diff.getChangedOperations()) {
            if (operation.isIncompatible()) {
                out.add(operation.getHttpMethod() + " " + operation.getPathUrl());
            }
        }
        return out;
    }
}
