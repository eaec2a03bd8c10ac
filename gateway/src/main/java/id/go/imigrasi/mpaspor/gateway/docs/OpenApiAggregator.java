package id.go.imigrasi.mpaspor.gateway.docs;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.health.UpstreamProbe;
import id.go.imigrasi.mpaspor.gateway.routing.RouteTable;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import io.vertx.core.Future;

/**
 * One OpenAPI document for integrators, made of the services' own ({@code /q/openapi?format=json}, fetched on
 * demand and reused for a short while): each path under its public {@code /api/v1} URL (only the paths the
 * gateway routes to that service), components merged (a name two services use for different schemas gets the
 * service's prefix, and every {@code $ref} to it follows), tags united. A service that does not answer is
 * listed in {@code x-mpaspor-missing-services} and in the description, not a failure.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final String SOURCE_PATH = "/q/openapi?format=json";

    private final UpstreamProbe probe;
    private final ObjectMapper json;
    private final GatewayConfig.Docs config;
    private final PublicContract contract = new PublicContract();
    private volatile Cached cached;

    private record Cached(Instant at, ObjectNode document) {
    }

    public OpenApiAggregator(UpstreamProbe probe, ObjectMapper json, GatewayConfig config) {
        this.probe = probe;
        this.json = json;
        this.config = config.docs();
    }

    public Future<ObjectNode> document() {
        Cached current = cached;
        if (current != null && current.at().plus(config.cacheTtl()).isAfter(Instant.now())) {
            return Future.succeededFuture(current.document());
        }
        return probe.getAll(SOURCE_PATH, config.fetchTimeout()).map(answers -> {
            Map<Upstream, ObjectNode> documents = new java.util.EnumMap<>(Upstream.class);
            for (UpstreamProbe.Answer answer : answers.values()) {
                if (answer.ok()) {
                    try {
                        JsonNode parsed = json.readTree(answer.body().getBytes());
                        if (parsed instanceof ObjectNode object && parsed.has("openapi")) {
                            documents.put(answer.upstream(), object);
                        }
                    } catch (IOException unreadable) {
                        LOG.warnf("OpenAPI document of %s is not JSON", answer.upstream().serviceName());
                    }
                }
            }
            ObjectNode merged = merge(documents);
            cached = new Cached(Instant.now(), merged);
            return merged;
        });
    }

    /** The aggregate of the documents that could be read; the other services are listed as missing. */
    ObjectNode merge(Map<Upstream, ObjectNode> documents) {
        ObjectNode out = json.createObjectNode();
        out.put("openapi", documents.values().stream().map(d -> d.path("openapi").asText())
                .filter(v -> !v.isBlank()).findFirst().orElse("3.1.0"));
        List<String> missing = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            if (!documents.containsKey(upstream)) {
                missing.add(upstream.serviceName());
            }
        }
        ObjectNode info = out.putObject("info");
        info.put("title", "M-Paspor public API (gateway)");
        info.put("version", "1.0.0");
        info.putObject("license").put("name", "Proprietary (Direktorat Jenderal Imigrasi)")
                .put("url", "https://www.imigrasi.go.id/");
        info.put("description", "The public API of M-Paspor, served by the gateway under /api/v1 for the mobile and"
                + " web applications. Authenticate with `Authorization: Bearer <token>` from POST /api/v1/auth/login."
                + " Errors are application/problem+json (RFC 9457)."
                + (missing.isEmpty() ? "" : " Not reachable while this document was assembled: "
                        + String.join(", ", missing) + "."));
        out.putArray("servers").addObject().put("url", "/");
        ArrayNode missingNode = out.putArray("x-mpaspor-missing-services");
        missing.forEach(missingNode::add);
        ObjectNode paths = out.putObject("paths");
        ObjectNode components = json.createObjectNode();
        ArrayNode tags = json.createArrayNode();
        List<String> tagNames = new ArrayList<>();
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (Map.Entry<Upstream, ObjectNode> entry : documents.entrySet()) {
            Upstream upstream = entry.getKey();
            ObjectNode document = entry.getValue().deepCopy();
            Map<String, String> renames = renames(components, document.path("components"), upstream);
            rewriteRefs(document, renames);
            mergeComponents(components, document.path("components"), renames);
            Iterator<Map.Entry<String, JsonNode>> servicePaths = document.path("paths").fields();
            while (servicePaths.hasNext()) {
                Map.Entry<String, JsonNode> path = servicePaths.next();
                String publicPath = RouteTable.JWKS_PATH.equals(path.getKey()) ? path.getKey()
                        : RouteTable.PUBLIC_PREFIX + path.getKey();
                if (RouteTable.match("GET", publicPath).map(r -> r.upstream() == upstream).orElse(false)) {
                    uniqueOperationIds(path.getValue(), operationIds, upstream);
                    paths.set(publicPath, path.getValue());
                }
            }
            for (JsonNode tag : document.path("tags")) {
                String name = tag.path("name").asText();
                if (!tagNames.contains(name)) {
                    tagNames.add(name);
                    tags.add(tag);
                }
            }
        }
        if (!components.isEmpty()) {
            out.set("components", components);
        }
        if (!tags.isEmpty()) {
            out.set("tags", tags);
        }
        contract.complete(out);
        return out;
    }

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    /** operationId must be unique in one document: a name another service already used gets the service's prefix. */
    private static void uniqueOperationIds(JsonNode pathItem, java.util.Set<String> seen, Upstream upstream) {
        for (String method : METHODS) {
            if (pathItem.path(method) instanceof ObjectNode operation && operation.has("operationId")) {
                String id = operation.get("operationId").asText();
                if (!seen.add(id)) {
                    String prefixed = upstream.name().toLowerCase() + "_" + id;
                    operation.put("operationId", prefixed);
                    seen.add(prefixed);
                }
            }
        }
    }

    /** Component names of {@code incoming} already taken by a different definition: {@code #/components/x/Name} to the prefixed one. */
    private static Map<String, String> renames(ObjectNode merged, JsonNode incoming, Upstream upstream) {
        Map<String, String> renames = new HashMap<>();
        Iterator<Map.Entry<String, JsonNode>> sections = incoming.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            JsonNode existing = merged.path(section.getKey());
            Iterator<String> names = section.getValue().fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (existing.has(name) && !existing.get(name).equals(section.getValue().get(name))) {
                    String prefix = upstream.name().charAt(0) + upstream.name().substring(1).toLowerCase();
                    renames.put("#/components/" + section.getKey() + "/" + name,
                            "#/components/" + section.getKey() + "/" + prefix + "_" + name);
                }
            }
        }
        return renames;
    }

    private static void rewriteRefs(JsonNode node, Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && renames.containsKey(ref.asText())) {
                object.set("$ref", TextNode.valueOf(renames.get(ref.asText())));
            }
            object.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        } else if (node instanceof ArrayNode array) {
            array.elements().forEachRemaining(child -> rewriteRefs(child, renames));
        }
    }

    private static void mergeComponents(ObjectNode merged, JsonNode incoming, Map<String, String> renames) {
        Iterator<Map.Entry<String, JsonNode>> sections = incoming.fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectNode target = merged.has(section.getKey()) ? (ObjectNode) merged.get(section.getKey())
                    : merged.putObject(section.getKey());
            Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                String ref = "#/components/" + section.getKey() + "/" + entry.getKey();
                String renamed = renames.get(ref);
                String name = renamed != null ? renamed.substring(renamed.lastIndexOf('/') + 1) : entry.getKey();
                target.set(name, entry.getValue());
            }
        }
    }
}
