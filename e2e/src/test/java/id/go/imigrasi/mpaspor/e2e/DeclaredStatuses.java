package id.go.imigrasi.mpaspor.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * Every answer the end-to-end tests get from the public API, held against the committed contract
 * ({@code docs/api/openapi.json}): a status the server really answered for an operation must be one the operation
 * declares, or a generated client meets a response it was never told about. The journey's own traffic is the
 * sample: everything sent with RestAssured (a global filter) and with the generated client (its response
 * interceptor). Checked after each class by {@link SharedSystem}, so a failure names the class whose traffic found
 * it.
 */
final class DeclaredStatuses implements Filter {

    static final DeclaredStatuses LEDGER = new DeclaredStatuses();
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");

    /** "POST /api/v1/applications/{id}/applicants" to the statuses seen for it. */
    private final Map<String, Set<Integer>> seen = new ConcurrentHashMap<>();
    private final Map<String, String> examples = new ConcurrentHashMap<>();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private volatile List<Operation> operations;

    private record Operation(String method, String template, Pattern pattern, int parameters, Set<String> statuses) {
    }

    private DeclaredStatuses() {
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification response,
            FilterContext context) {
        Response answer = context.next(request, response);
        record(request.getMethod(), URI.create(request.getURI()), answer.statusCode());
        return answer;
    }

    /** One exchange; requests that are not to the public API (the website, simulators, /docs) are not counted. */
    void record(String method, URI uri, int status) {
        String path = uri.getRawPath();
        if (path == null || !(path.startsWith("/api/v1/") || path.equals("/api/v1") || path.startsWith("/.well-known/"))
                || uri.getPort() != SystemUnderTest.port(8080)) {
            return;
        }
        Optional<Operation> op = operation(method, path);
        String key = op.map(o -> o.method() + " " + o.template()).orElse(method.toUpperCase() + " " + path + " (not in the contract)");
        seen.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(status);
        examples.putIfAbsent(key + " " + status, method.toUpperCase() + " " + path);
    }

    int exchanges() {
        return seen.values().stream().mapToInt(Set::size).sum();
    }

    /** What was answered but not declared, one line each; empty when the contract covers every answer seen. */
    List<String> undeclared() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Set<Integer>> entry : new TreeSet<>(seen.keySet()).stream()
                .map(k -> Map.entry(k, seen.get(k))).toList()) {
            Optional<Operation> op = operations().stream()
                    .filter(o -> entry.getKey().equals(o.method() + " " + o.template())).findFirst();
            for (int status : new TreeSet<>(entry.getValue())) {
                if (op.isEmpty()) {
                    // a path the contract does not have: only "no such thing" and "not this method" are fine
                    if (status != 404 && status != 405 && status != 400) {
                        out.add(entry.getKey() + " answered " + status);
                    }
                } else if (!op.get().statuses().contains(Integer.toString(status))
                        && !op.get().statuses().contains(status / 100 + "XX") && !op.get().statuses().contains("default")
                        && status != 405) {
                    out.add(entry.getKey() + " answered " + status + " (e.g. "
                            + examples.get(entry.getKey() + " " + status) + "), declares " + op.get().statuses());
                }
            }
        }
        return out;
    }

    private Optional<Operation> operation(String method, String path) {
        return operations().stream().filter(o -> o.method().equalsIgnoreCase(method))
                .filter(o -> o.pattern().matcher(path).matches())
                // a literal segment beats a parameter: /applications/nik-claims before /applications/{id}
                .min(Comparator.comparingInt(Operation::parameters));
    }

    private List<Operation> operations() {
        if (operations == null) {
            synchronized (this) {
                if (operations == null) {
                    operations = load(Path.of(System.getProperty("mpaspor.root", "..")).toAbsolutePath()
                            .normalize().resolve("docs/api/openapi.json"));
                }
            }
        }
        return operations;
    }

    private static List<Operation> load(Path contract) {
        JsonNode doc;
        try {
            doc = new ObjectMapper().readTree(contract.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            String regex = "\\Q" + path.getKey().replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "\\E";
            int parameters = path.getKey().split("\\{", -1).length - 1;
            for (String method : METHODS) {
                JsonNode op = path.getValue().path(method);
                if (!op.isMissingNode()) {
                    Set<String> statuses = new TreeSet<>();
                    op.path("responses").fieldNames().forEachRemaining(statuses::add);
                    out.add(new Operation(method.toUpperCase(), path.getKey(), Pattern.compile(regex), parameters,
                            statuses));
                }
            }
        }
        return out;
    }

    /**
     * After each end-to-end class ({@link SharedSystem}): the answers its traffic got that the contract does not
     * declare, each reported once (the class that first met it fails).
     */
    void check() {
        List<String> undeclared = undeclared();
        undeclared.removeAll(reported);
        reported.addAll(undeclared);
        if (!undeclared.isEmpty()) {
            throw new AssertionError("answers the contract (docs/api/openapi.json) does not declare, seen by this"
                    + " class's requests to the public API:\n  " + String.join("\n  ", undeclared));
        }
        Journey.say("  every answer of the public API seen so far (" + exchanges()
                + " operation/status pairs) is declared in the contract");
    }
}
