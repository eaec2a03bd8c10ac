package id.go.imigrasi.mpaspor.gateway.docs;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What every operation of the public API declares, whatever its service wrote, because the platform and the gateway
 * behave that way for every one of them:
 * <ul>
 * <li>every error is {@code application/problem+json} with the one shared {@link #PROBLEM} schema (RFC 9457 plus
 * {@code requestId} and {@code errors[]}), whose {@code type} integrators switch on;</li>
 * <li>429 (the gateway's rate limits) and 503 (admission, a lost database) on every operation, both with
 * {@code Retry-After}; 400 where there is a body or a parameter to get wrong; 413 and 415 where there is a body
 * (the platform's HttpGuard and JsonBodyGuard); 409 {@code concurrent-change} on every write (the platform's
 * ConcurrentChange); 404 where the path names a resource;
 * 401 and 403 where a token is required;</li>
 * <li>{@code security: []} on a public operation, so a generator does not send (or a reader expect) a token;</li>
 * <li>every path parameter declared, every tag listed with a description;</li>
 * <li>no content on the success of a HEAD, whose answer is its headers;</li>
 * <li>no schema named after a Java class ({@code UUID}, {@code LocalDate}, {@code Instant}, Jackson's
 * {@code JsonNode}): those are written where they are used as the JSON types they are ({@code string} with format
 * {@code uuid}, {@code date}, {@code date-time}; a free-form object), so a generated client neither gets a model
 * class {@code ModelLocalDate} nor one that clashes with its own JSON library's names.</li>
 * </ul>
 * The services declare what is particular to an operation (its success code and schema, its 409s and 422s with their
 * problem types); this fills in what is common, never overriding a description a service wrote.
 */
final class PublicContract {

    static final String PROBLEM = "#/components/schemas/Problem";
    static final String RETRY_AFTER = "#/components/headers/Retry-After";
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final Map<String, String> COMMON = Map.of(
            "400", "The request is malformed or a field is invalid: `errors[]` names each field with a stable `code`",
            "401", "No access token, or an expired, revoked or invalid one: log in or refresh",
            "403", "The token is valid but its account may not do this (another account's resource, another office,"
                    + " a missing role)",
            "404", "No such resource, or not one this account may see",
            "413", "payload-too-large: the body is larger than the service accepts; nothing was changed",
            "415", "unsupported-media-type: the body is not of the media type the operation consumes (JSON operations"
                    + " need `Content-Type: application/json`)",
            "429", "Too many requests from this client or account: wait `Retry-After` seconds",
            "503", "Busy (admission limit reached) or a dependency is unreachable: nothing was changed; retry after"
                    + " `Retry-After` seconds");

    private static final Set<String> WRITES = Set.of("post", "put", "patch", "delete");
    private static final String CONCURRENT_CHANGE = "concurrent-change: another request changed the same data at"
            + " that moment; nothing of this one was saved: send it again after `Retry-After` seconds";

    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    /** Completes {@code document} in place. */
    void complete(ObjectNode document) {
        ObjectNode components = document.has("components") ? (ObjectNode) document.get("components")
                : document.putObject("components");
        schemas(components);
        bearerScheme(components);
        inlineJavaTypes(document);
        ObjectNode paths = (ObjectNode) document.path("paths");
        Set<String> usedTags = new LinkedHashSet<>();
        Iterator<Map.Entry<String, JsonNode>> items = paths.fields();
        while (items.hasNext()) {
            Map.Entry<String, JsonNode> item = items.next();
            if (!(item.getValue() instanceof ObjectNode pathItem)) {
                continue;
            }
            for (String method : METHODS) {
                if (pathItem.get(method) instanceof ObjectNode operation) {
                    pathParameters(item.getKey(), pathItem, operation);
                    security(operation);
                    renameSecurity(operation);
                    responses(item.getKey(), method, operation);
                    if (method.equals("head")) {
                        headersOnly(operation);
                    }
                    contentWithoutSchema(operation);
                    operation.path("tags").forEach(t -> usedTags.add(t.asText()));
                }
            }
        }
        tags(document, usedTags);
        dropUnreferencedSchemas(document, components);
    }

    private void schemas(ObjectNode components) {
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas")
                : components.putObject("schemas");
        ObjectNode error = schemas.putObject("ProblemFieldError");
        error.put("type", "object");
        error.put("description", "One offending field of a request");
        error.putArray("required").add("field").add("code");
        ObjectNode errorProperties = error.putObject("properties");
        errorProperties.putObject("field").put("type", "string").put("description",
                "The field's JSON path, e.g. `applicants[1].nik`").put("example", "nik");
        errorProperties.putObject("code").put("type", "string").put("description",
                "A stable code to switch on, e.g. `validation.nik-format`").put("example", "validation.nik-format");
        errorProperties.putObject("message").put("type", "string").put("description",
                "The message in the request's language (Accept-Language: id or en)")
                .put("example", "NIK harus 16 angka");

        ObjectNode problem = schemas.putObject("Problem");
        problem.put("type", "object");
        problem.put("description", "An error (RFC 9457 problem details). `type` identifies the kind of problem and"
                + " is stable; `title` and `detail` are in the request's language.");
        problem.putArray("required").add("type").add("title").add("status");
        ObjectNode properties = problem.putObject("properties");
        properties.putObject("type").put("type", "string").put("format", "uri")
                .put("example", "https://mpaspor.imigrasi.go.id/problems/validation");
        properties.putObject("title").put("type", "string").put("example", "Data tidak valid");
        properties.putObject("status").put("type", "integer").put("format", "int32").put("minimum", 400)
                .put("maximum", 599).put("example", 400);
        properties.putObject("detail").put("type", "string").put("example", "NIK harus 16 angka");
        properties.putObject("instance").put("type", "string").put("format", "uri-reference")
                .put("description", "The public path of the request").put("example", "/api/v1/applications");
        properties.putObject("requestId").put("type", "string").put("description",
                "The request's X-Request-Id, to quote to the helpdesk")
                .put("example", "0f8e4a52-6a1e-4f55-9a8c-6d3c1b2a9e01");
        ObjectNode errors = properties.putObject("errors");
        errors.put("type", "array");
        errors.putObject("items").put("$ref", "#/components/schemas/ProblemFieldError");

        ObjectNode headers = components.has("headers") ? (ObjectNode) components.get("headers")
                : components.putObject("headers");
        ObjectNode retryAfter = headers.putObject("Retry-After");
        retryAfter.put("description", "Seconds to wait before retrying");
        retryAfter.putObject("schema").put("type", "integer").put("minimum", 0).put("example", 2);
    }

    /** The schemas SmallRye names after Java classes, as the JSON types they stand for. */
    static final Map<String, Map<String, String>> JAVA_TYPES = Map.of(
            "UUID", Map.of("type", "string", "format", "uuid"),
            "LocalDate", Map.of("type", "string", "format", "date"),
            "Instant", Map.of("type", "string", "format", "date-time"),
            "OffsetDateTime", Map.of("type", "string", "format", "date-time"),
            "JsonNode", Map.of("type", "object", "description", "Free-form JSON whose fields depend on the entry's kind"));

    private void inlineJavaTypes(JsonNode node) {
        if (node instanceof ObjectNode object) {
            String ref = object.path("$ref").asText("");
            String prefix = "#/components/schemas/";
            if (ref.startsWith(prefix) && JAVA_TYPES.containsKey(ref.substring(prefix.length()))) {
                object.remove("$ref");
                Map<String, String> type = JAVA_TYPES.get(ref.substring(prefix.length()));
                // the service's own description or examples stay; the type is the JSON one
                type.forEach((k, v) -> {
                    if (k.equals("type") || !object.has(k)) {
                        object.put(k, v);
                    }
                });
            }
            object.forEach(this::inlineJavaTypes);
        } else if (node instanceof ArrayNode array) {
            array.forEach(this::inlineJavaTypes);
        }
    }

    /**
     * A media type a service declared without a schema (a PDF, a photo, a JWK set) is described as what it is: bytes
     * for a binary type, so a generated client hands over the file instead of dropping it; an object for JSON.
     */
    private void contentWithoutSchema(ObjectNode operation) {
        List<JsonNode> contents = new ArrayList<>();
        operation.path("responses").forEach(r -> contents.add(r.path("content")));
        contents.add(operation.path("requestBody").path("content"));
        for (JsonNode content : contents) {
            content.fields().forEachRemaining(media -> {
                if (media.getValue() instanceof ObjectNode type && !type.has("schema")) {
                    boolean json = media.getKey().equals("application/json") || media.getKey().endsWith("+json");
                    ObjectNode schema = type.putObject("schema");
                    if (json) {
                        schema.put("type", "object");
                    } else if (media.getKey().startsWith("text/")) {
                        schema.put("type", "string");
                    } else {
                        schema.put("type", "string").put("format", "binary");
                    }
                }
            });
        }
    }

    /**
     * The answer to a HEAD has no content (RFC 9110, 9.3.2): what a service's JAX-RS {@code @Produces} made of it
     * would have a generated client wait for a body that never comes. Its headers are the answer.
     */
    private static void headersOnly(ObjectNode operation) {
        operation.path("responses").fields().forEachRemaining(response -> {
            if (response.getKey().startsWith("2") && response.getValue() instanceof ObjectNode success) {
                success.remove("content");
            }
        });
    }

    /** A parameter named in the path but declared nowhere makes generators refuse the document. */
    private void pathParameters(String path, ObjectNode pathItem, ObjectNode operation) {
        Set<String> declared = new LinkedHashSet<>();
        for (JsonNode parameter : pathItem.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                declared.add(parameter.path("name").asText());
            }
        }
        for (JsonNode parameter : operation.path("parameters")) {
            if ("path".equals(parameter.path("in").asText())) {
                declared.add(parameter.path("name").asText());
            }
        }
        Matcher names = PATH_PARAMETER.matcher(path);
        while (names.find()) {
            if (!declared.contains(names.group(1))) {
                ArrayNode parameters = operation.has("parameters") ? (ArrayNode) operation.get("parameters")
                        : operation.putArray("parameters");
                ObjectNode parameter = parameters.addObject();
                parameter.put("name", names.group(1)).put("in", "path").put("required", true);
                parameter.putObject("schema").put("type", "string");
            }
        }
    }

    static final String BEARER = "bearerJwt";

    /**
     * The services' one bearer scheme (SmallRye names it {@code SecurityScheme}) under a name that says what it is,
     * with what a client needs to know: where the token comes from and what the listed roles are.
     */
    private void bearerScheme(ObjectNode components) {
        ObjectNode schemes = components.has("securitySchemes") ? (ObjectNode) components.get("securitySchemes")
                : components.putObject("securitySchemes");
        schemes.removeAll();
        schemes.putObject(BEARER).put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "The `accessToken` of `POST /api/v1/auth/login` (an RS256 JWT; refresh it with"
                        + " `POST /api/v1/auth/refresh` before it expires) as `Authorization: Bearer <token>`. The"
                        + " names an operation lists are the roles (the token's `groups`) of which one is needed:"
                        + " `applicant`, `officer` (of the office in the token's `office_code`), `admin`, `ops`.");
    }

    private void renameSecurity(ObjectNode operation) {
        if (!(operation.get("security") instanceof ArrayNode requirements)) {
            return;
        }
        for (JsonNode requirement : requirements) {
            if (requirement instanceof ObjectNode named) {
                List<String> names = new ArrayList<>();
                named.fieldNames().forEachRemaining(names::add);
                for (String name : names) {
                    if (!name.equals(BEARER)) {
                        JsonNode roles = named.remove(name);
                        named.set(BEARER, roles);
                    }
                }
            }
        }
    }

    private void security(ObjectNode operation) {
        if (!operation.has("security")) {
            operation.putArray("security");
        }
    }

    private static boolean secured(ObjectNode operation) {
        return operation.path("security").size() > 0;
    }

    private void responses(String path, String method, ObjectNode operation) {
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        List<String> common = new ArrayList<>(List.of("429", "503"));
        if (operation.has("requestBody") || operation.path("parameters").size() > 0 || path.contains("{")) {
            common.add("400");
        }
        if (operation.has("requestBody")) {
            common.add("413");
            common.add("415");
        }
        if (secured(operation)) {
            common.add("401");
            common.add("403");
        }
        if (path.contains("{")) {
            common.add("404");
        }
        for (String status : common) {
            if (!responses.has(status)) {
                responses.putObject(status).put("description", COMMON.get(status));
            }
        }
        if (WRITES.contains(method)) {
            concurrentChange(responses);
        }
        Iterator<Map.Entry<String, JsonNode>> each = responses.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> response = each.next();
            if (response.getKey().matches("[45]\\d\\d") && response.getValue() instanceof ObjectNode error) {
                problemContent(error);
                if (response.getKey().equals("429") || response.getKey().equals("503")) {
                    ObjectNode headers = error.has("headers") ? (ObjectNode) error.get("headers")
                            : error.putObject("headers");
                    headers.putObject("Retry-After").put("$ref", RETRY_AFTER);
                }
                if (error.path("description").asText().isBlank()) {
                    error.put("description", COMMON.getOrDefault(response.getKey(), "Refused"));
                }
            }
        }
    }

    /**
     * A write may meet another request changing the same rows at that moment (a versioned row, a deadlock): the
     * platform answers 409 {@code concurrent-change} with Retry-After. Added to a 409 the service declared, or as one.
     */
    private void concurrentChange(ObjectNode responses) {
        ObjectNode conflict = responses.has("409") ? (ObjectNode) responses.get("409") : responses.putObject("409");
        String own = conflict.path("description").asText();
        if (!own.contains("concurrent-change")) {
            conflict.put("description", own.isBlank() ? CONCURRENT_CHANGE : own + "; " + CONCURRENT_CHANGE);
        }
        ObjectNode headers = conflict.has("headers") ? (ObjectNode) conflict.get("headers")
                : conflict.putObject("headers");
        if (!headers.has("Retry-After")) {
            headers.putObject("Retry-After").put("$ref", RETRY_AFTER);
        }
    }

    /** Whatever media type a service declared for an error, the answer is problem+json with the shared schema. */
    private void problemContent(ObjectNode error) {
        JsonNode examples = null;
        for (JsonNode media : error.path("content")) {
            if (media.has("examples")) {
                examples = media.get("examples");
            }
        }
        ObjectNode content = nodes.objectNode();
        ObjectNode media = content.putObject("application/problem+json");
        media.putObject("schema").put("$ref", PROBLEM);
        if (examples != null) {
            media.set("examples", examples);
        }
        error.set("content", content);
    }

    /** The services' own error schemas, replaced by the shared one, and anything else nothing refers to. */
    private static void dropUnreferencedSchemas(ObjectNode document, ObjectNode components) {
        JsonNode schemas = components.path("schemas");
        Set<String> reached = new LinkedHashSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(document.path("paths"), components.path("headers"),
                components.path("responses"), components.path("parameters"), components.path("requestBodies")));
        while (!pending.isEmpty()) {
            JsonNode node = pending.remove(pending.size() - 1);
            for (String ref : node.findValuesAsText("$ref")) {
                String prefix = "#/components/schemas/";
                if (ref.startsWith(prefix) && reached.add(ref.substring(prefix.length()))) {
                    pending.add(schemas.path(ref.substring(prefix.length())));
                }
            }
        }
        if (schemas instanceof ObjectNode all) {
            all.retain(reached);
        }
    }

    /**
     * The tags of the published operations, each described; a service's tag whose operations are not public (such as
     * upload-service's service-to-service {@code documents}, which the gateway does not route) is not listed.
     */
    private void tags(ObjectNode document, Set<String> used) {
        ArrayNode tags = document.has("tags") ? (ArrayNode) document.get("tags") : document.putArray("tags");
        for (int i = tags.size() - 1; i >= 0; i--) {
            if (!used.contains(tags.get(i).path("name").asText())) {
                tags.remove(i);
            }
        }
        Set<String> listed = new LinkedHashSet<>();
        for (JsonNode tag : tags) {
            listed.add(tag.path("name").asText());
            if (tag instanceof ObjectNode object && !object.has("description")) {
                object.put("description", "Operations on " + tag.path("name").asText());
            }
        }
        for (String name : used) {
            if (!listed.contains(name)) {
                tags.addObject().put("name", name).put("description", "Operations on " + name);
            }
        }
    }
}
