package id.go.imigrasi.mpaspor.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.gateway.routing.Route;
import id.go.imigrasi.mpaspor.gateway.routing.RouteTable;

/**
 * What the contract says needs no token is exactly what the edge lets through without one: an operation the
 * committed {@code docs/api/openapi.json} declares {@code security: []} (its service permits everyone) but the
 * gateway guards would answer 401 to the website's and apps' anonymous visitors (the fee calculator did), and the
 * reverse would send anonymous requests to a service expecting an account. Read from the committed contract, so a
 * new public operation fails here until the gateway's {@link RouteTable} knows it.
 */
class PublicOperationsTest {

    private static final String SAMPLE_ID = "0b6c3f8e-9d1a-4c2e-8f00-1a2b3c4d5e6f";

    @Test
    void theContractsPublicOperationsAreTheGatewaysPublicRoutes() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(Path.of("..", "docs", "api", "openapi.json").toFile());
        Set<String> publicInContract = new TreeSet<>();
        Set<String> publicAtEdge = new TreeSet<>();
        Iterator<Map.Entry<String, JsonNode>> paths = spec.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            String concrete = path.getKey().replaceAll("\\{[^}]+}", SAMPLE_ID);
            Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields();
            while (operations.hasNext()) {
                Map.Entry<String, JsonNode> operation = operations.next();
                String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
                if (!Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
                    continue;
                }
                String name = method + " " + path.getKey();
                JsonNode security = operation.getValue().get("security");
                if (security != null && security.isArray() && security.isEmpty()) {
                    publicInContract.add(name);
                }
                Route route = RouteTable.match(method, concrete).orElseThrow(
                        () -> new AssertionError(name + " is in the contract but the gateway has no route for it"));
                if (route.isPublic()) {
                    publicAtEdge.add(name);
                }
            }
        }
        assertThat(publicInContract).as("operations the contract declares public").hasSizeGreaterThan(10);
        assertThat(publicAtEdge).as("operations the gateway lets through without a token")
                .containsExactlyElementsOf(publicInContract);
    }
}
