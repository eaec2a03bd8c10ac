package id.go.imigrasi.mpaspor.platform.problem;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.json.ControlCharacterException;
import id.go.imigrasi.mpaspor.platform.web.RequestId;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where errors become {@code application/problem+json} (RFC 9457): stable {@code type} URIs,
 * localized {@code title}, {@code detail} and field messages (Indonesian by default, English on
 * {@code Accept-Language: en}), {@code Retry-After} on every 429 and 503. A service adds its own problems by
 * throwing {@link ProblemException} with its own {@link ProblemType}s and messages, or maps its own exception
 * types with {@link #toResponse}.
 */
public class ProblemMapper {

    private static final String FORWARDED_PREFIX = "X-Forwarded-Prefix";
    private static final java.util.regex.Pattern SANE_PREFIX = java.util.regex.Pattern.compile("(/[A-Za-z0-9._-]{1,32}){1,4}");

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    private final Messages messages;
    private final ObjectMapper json;
    private final Duration defaultRetryAfter;

    public ProblemMapper(Messages messages, ObjectMapper json,
            @ConfigProperty(name = "mpaspor.problem.default-retry-after", defaultValue = "PT2S") Duration defaultRetryAfter) {
        this.messages = messages;
        this.json = json;
        this.defaultRetryAfter = defaultRetryAfter;
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, ContainerRequestContext request) {
        return toResponse(e, headers, request);
    }

    @ServerExceptionMapper
    public Response constraintViolations(ConstraintViolationException e, HttpHeaders headers,
            ContainerRequestContext request) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        List<Problem.Error> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.Error(fieldOf(v.getPropertyPath()), codeOf(v), messageOf(v, locale)))
                .sorted((a, b) -> a.field().compareTo(b.field()))
                .collect(Collectors.toList());
        return render(CommonProblem.VALIDATION, List.of(), errors, null, locale, request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, ContainerRequestContext request) {
        return jsonProblem(e, headers, request);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, HttpHeaders headers, ContainerRequestContext request) {
        return jsonProblem(e, headers, request);
    }

    @ServerExceptionMapper
    public Response invalidJsonValue(InvalidFormatException e, HttpHeaders headers, ContainerRequestContext request) {
        return jsonProblem(e, headers, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpHeaders headers, ContainerRequestContext request) {
        return jsonProblem(e, headers, request);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, HttpHeaders headers, ContainerRequestContext request) {
        return unauthorized(headers, request);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, HttpHeaders headers,
            ContainerRequestContext request) {
        return unauthorized(headers, request);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, ContainerRequestContext request) {
        return toResponse(ProblemException.of(CommonProblem.FORBIDDEN), headers, request);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, HttpHeaders headers, ContainerRequestContext request) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException unreadable) {
            // Quarkus REST wraps the parser's refusals (duplicate keys, limits, syntax) in a plain 400
            return jsonProblem(unreadable, headers, request);
        }
        if (status >= 500) {
            LOG.errorf(e, "request %s failed", RequestId.of(request));
        }
        Response response = toResponse(ProblemException.of(CommonProblem.forStatus(status)), headers, request);
        if (status == 405 && e.getResponse().getHeaderString(HttpHeaders.ALLOW) != null) {
            return Response.fromResponse(response).header(HttpHeaders.ALLOW, e.getResponse().getHeaderString(HttpHeaders.ALLOW))
                    .build();
        }
        return response;
    }

    /**
     * Anything unexpected: a 500 that says nothing internal, logged with the request id for ops. Two kinds of
     * failure are not unexpected: a lost database (503, {@link DatabaseUnavailable}) and a concurrent change of the
     * same data (409, {@link ConcurrentChange}); both carry Retry-After, and neither committed anything.
     */
    @ServerExceptionMapper
    public Response unexpected(Throwable e, HttpHeaders headers, ContainerRequestContext request) {
        if (DatabaseUnavailable.matches(e)) {
            LOG.warnf("request %s: database unavailable, answered 503: %s", RequestId.of(request), rootMessage(e));
            return toResponse(ProblemException.retryLater(CommonProblem.SERVICE_UNAVAILABLE, defaultRetryAfter),
                    headers, request);
        }
        if (ConcurrentChange.matches(e)) {
            LOG.infof("request %s: a concurrent change of the same data, answered 409: %s", RequestId.of(request),
                    rootMessage(e));
            return toResponse(ProblemException.retryLater(CommonProblem.CONCURRENT_CHANGE, Duration.ofSeconds(1)),
                    headers, request);
        }
        LOG.errorf(e, "unexpected failure of request %s", RequestId.of(request));
        return toResponse(ProblemException.of(CommonProblem.INTERNAL), headers, request);
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        for (int i = 0; i < 16 && root.getCause() != null && root.getCause() != root; i++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** For a service's own exception mappers. */
    public Response toResponse(ProblemException e, HttpHeaders headers, ContainerRequestContext request) {
        Locale locale = Messages.negotiate(headers.getAcceptableLanguages());
        List<Problem.Error> errors = e.errors().stream()
                .map(f -> new Problem.Error(f.field(), stableCode(f.code()),
                        messages.get(locale, f.code(), f.args().toArray())))
                .collect(Collectors.toList());
        return render(e.type(), e.detailArgs(), errors, e.retryAfter(), locale, request);
    }

    private Response unauthorized(HttpHeaders headers, ContainerRequestContext request) {
        Response response = toResponse(ProblemException.of(CommonProblem.UNAUTHORIZED), headers, request);
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    private Response jsonProblem(JsonProcessingException e, HttpHeaders headers, ContainerRequestContext request) {
        String duplicate = duplicateField(e);
        if (duplicate != null) {
            return toResponse(ProblemException.invalid(duplicate, "validation.duplicate-field"), headers, request);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty() && !truncated(e)) {
            String field = jsonPath(mapping.getPath());
            if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException format
                    && format.getTargetType() != null && format.getTargetType().isEnum()) {
                // an invalid enum value names the allowed ones, as the schema does
                String allowed = java.util.Arrays.stream(format.getTargetType().getEnumConstants())
                        .map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", "));
                return toResponse(ProblemException.invalid(field, "validation.not-one-of", allowed), headers, request);
            }
            String code = e instanceof UnrecognizedPropertyException ? "validation.unknown-field"
                    : e instanceof ControlCharacterException ? "validation.control-character"
                    : "validation.wrong-type";
            return toResponse(ProblemException.invalid(field, code), headers, request);
        }
        return toResponse(ProblemException.of(CommonProblem.MALFORMED_REQUEST), headers, request);
    }

    /**
     * The JSON path of a key given twice in one object ({@code StrictJson} makes the parser refuse it), from where
     * the parser stood; {@code null} for any other failure.
     */
    static String duplicateField(JsonProcessingException e) {
        // databind wraps the parser's refusal in a JsonMappingException with only the enclosing path
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith("Duplicate field '")) {
                return duplicateField(read);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }

    private static String duplicateField(StreamReadException read) {
        String message = read.getOriginalMessage();
        int end = message.indexOf('\'', "Duplicate field '".length());
        String name = end < 0 ? null : message.substring("Duplicate field '".length(), end);
        List<String> segments = new ArrayList<>();
        if (read.getProcessor() != null && read.getProcessor().getParsingContext() != null) {
            for (String segment : read.getProcessor().getParsingContext().pathAsPointer().toString().split("/")) {
                if (!segment.isEmpty()) {
                    segments.add(segment.replace("~1", "/").replace("~0", "~"));
                }
            }
        }
        // depending on the parser, the context already names the duplicate or still stands at its object
        if (name != null && (segments.isEmpty() || !segments.get(segments.size() - 1).equals(name))) {
            segments.add(name);
        }
        StringBuilder out = new StringBuilder();
        for (String segment : segments) {
            if (segment.chars().allMatch(Character::isDigit)) {
                out.append('[').append(segment).append(']');
            } else {
                out.append(out.length() == 0 ? "" : ".").append(segment);
            }
        }
        return out.length() == 0 ? null : out.toString();
    }

    /** A body that ends early is malformed as a whole, whatever field the parser had reached. */
    private static boolean truncated(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonEOFException
                    || (t.getMessage() != null && t.getMessage().contains("end-of-input"))) {
                return true;
            }
        }
        return false;
    }

    private Response render(ProblemType type, List<Object> detailArgs, List<Problem.Error> errors,
            Duration retryAfter, Locale locale, ContainerRequestContext request) {
        Problem body = problem(messages, type, detailArgs, errors, locale, publicPath(request), RequestId.of(request));
        Response.ResponseBuilder builder = Response.status(type.status()).type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.toLanguageTag());
        Duration wait = retryAfter != null ? retryAfter
                : (type.status() == 429 || type.status() == 503 ? defaultRetryAfter : null);
        if (wait != null) {
            builder.header("Retry-After", Math.max(1, (wait.toMillis() + 999) / 1000));
        }
        try {
            return builder.entity(json.writeValueAsString(body)).build();
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /**
     * The problem's {@code instance}: the path the client used, so behind the gateway the public one
     * ({@code /api/v1/applications/...}, from the gateway's {@code X-Forwarded-Prefix}), never the service's own.
     */
    static String publicPath(ContainerRequestContext request) {
        if (request == null) {
            return null;
        }
        String path = request.getUriInfo().getRequestUri().getPath();
        String prefix = request.getHeaderString(FORWARDED_PREFIX);
        return prefix != null && SANE_PREFIX.matcher(prefix).matches() ? prefix + path : path;
    }

    /** The localized body, for the places that answer outside Jakarta REST (the HTTP layer's own refusals). */
    public static Problem problem(Messages messages, ProblemType type, List<Object> detailArgs,
            List<Problem.Error> errors, Locale locale, String instance, String requestId) {
        String slug = type.slug();
        return new Problem(type.uri(), messages.get(locale, "problem." + slug + ".title"), type.status(),
                messages.find(locale, "problem." + slug + ".detail")
                        .map(t -> new java.text.MessageFormat(t, locale).format(detailArgs.toArray())).orElse(null),
                instance, requestId, errors);
    }

    private String messageOf(ConstraintViolation<?> v, Locale locale) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            Map<String, Object> attributes = v.getConstraintDescriptor().getAttributes();
            return messages.getNamed(locale, template.substring(1, template.length() - 1), attributes)
                    .orElse(v.getMessage());
        }
        return v.getMessage();
    }

    private static String codeOf(ConstraintViolation<?> v) {
        String template = v.getMessageTemplate();
        if (template.startsWith("{") && template.endsWith("}")) {
            return stableCode(template.substring(1, template.length() - 1));
        }
        return "validation." + v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    /**
     * The code integrators switch on: a Bean Validation message key becomes {@code validation.<Constraint>}
     * ({@code jakarta.validation.constraints.NotBlank.message} -> {@code validation.NotBlank}), whether a constraint
     * or a service's own check raised it; the key still finds the localized message. Other codes are already ours.
     */
    static String stableCode(String key) {
        String prefix = "jakarta.validation.constraints.";
        return key.startsWith(prefix) && key.endsWith(".message")
                ? "validation." + key.substring(prefix.length(), key.length() - ".message".length())
                : key;
    }

    /** {@code register.request.applicants[1].nik} -> {@code applicants[1].nik}; a query parameter keeps its name. */
    static String fieldOf(Path path) {
        List<String> parts = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.CONSTRUCTOR) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            String name = node.getName() == null ? "" : node.getName();
            if (node.getIndex() != null) {
                // the index belongs to the container that precedes this node
                if (!parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
            } else if (node.getKey() != null && !parts.isEmpty()) {
                parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getKey() + "]");
            }
            if (!name.isEmpty()) {
                parts.add(name);
            }
        }
        return parts.isEmpty() ? (parameter == null ? "" : parameter) : String.join(".", parts);
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }
}
