package id.go.imigrasi.mpaspor.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.problem.CommonProblem;
import id.go.imigrasi.mpaspor.platform.problem.Problem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemMapper;
import id.go.imigrasi.mpaspor.platform.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals of the HTTP layer as problem+json, before any routing: a request URI longer than
 * {@code mpaspor.http.max-uri-length} (414), header fields larger than {@code mpaspor.http.max-header-size} (431),
 * a declared body larger than {@code quarkus.http.limits.max-body-size} (413), and NUL (U+0000, {@code %00}) in the
 * path or query (400: PostgreSQL cannot store it, and no identifier contains it).
 * <p>
 * The HTTP decoder's own limits ({@code quarkus.http.limits.max-initial-line-length}, {@code max-header-size}) are
 * set above these in the platform's configuration, so the decoder hands such requests here instead of answering a
 * body-less 414/431 itself; only requests beyond the decoder's limits still get its bare answer.
 */
@Singleton
public class HttpGuard {

    static final int ORDER = -20;
    private static final Pattern SANE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final Messages messages;
    private final ObjectMapper json;
    private final boolean enabled;
    private final int maxUriLength;
    private final long maxHeaderSize;

    public HttpGuard(Messages messages, ObjectMapper json,
            @ConfigProperty(name = "mpaspor.http.guard.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "mpaspor.http.max-uri-length", defaultValue = "4096") int maxUriLength,
            @ConfigProperty(name = "mpaspor.http.max-header-size", defaultValue = "20K") MemorySize maxHeaderSize) {
        this.messages = messages;
        this.json = json;
        this.enabled = enabled;
        this.maxUriLength = maxUriLength;
        this.maxHeaderSize = maxHeaderSize.asLongValue();
    }

    void mount(@Observes Router router) {
        if (enabled) {
            // before Quarkus' own body-size check (order -2), which answers a body-less 413
            router.route().order(ORDER).handler(this::guard);
        }
    }

    void guard(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String uri = request.uri();
        if (uri.length() > maxUriLength) {
            refuse(ctx, CommonProblem.URI_TOO_LONG);
            return;
        }
        if (headerSize(request) > maxHeaderSize) {
            refuse(ctx, CommonProblem.REQUEST_HEADER_FIELDS_TOO_LARGE);
            return;
        }
        if (containsNul(uri)) {
            refuse(ctx, CommonProblem.MALFORMED_REQUEST);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && declaredTooLarge(length)) {
            refuse(ctx, CommonProblem.PAYLOAD_TOO_LARGE);
            return;
        }
        ctx.next();
    }

    private static long headerSize(HttpServerRequest request) {
        long size = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** NUL raw or percent-encoded, anywhere in the path or query. */
    static boolean containsNul(String uri) {
        return uri.indexOf('\u0000') >= 0 || uri.contains("%00");
    }

    private static boolean declaredTooLarge(String length) {
        long max = ConfigProvider.getConfig().getOptionalValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .map(MemorySize::asLongValue).orElse(10_240L * 1024);
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void refuse(RoutingContext ctx, ProblemType type) {
        HttpServerRequest request = ctx.request();
        String requestId = request.getHeader(RequestId.HEADER);
        if (requestId == null || !SANE_REQUEST_ID.matcher(requestId).matches()) {
            requestId = UUID.randomUUID().toString();
        }
        Locale locale = Messages.negotiate(acceptable(request.getHeader("Accept-Language")));
        Problem body = ProblemMapper.problem(messages, type, List.of(), List.of(), locale, null, requestId);
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
        ctx.response().setStatusCode(type.status())
                .putHeader("Content-Type", Problem.MEDIA_TYPE)
                .putHeader("Content-Language", locale.toLanguageTag())
                .putHeader(RequestId.HEADER, requestId)
                // the rest of an oversized request is not read: the connection cannot carry another one
                .putHeader("Connection", type.status() == 400 ? "keep-alive" : "close")
                .end(text);
    }

    private static List<Locale> acceptable(String header) {
        List<Locale> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                out.add(Locale.forLanguageTag(range.getRange()));
            }
        } catch (IllegalArgumentException unreadable) {
            // an unreadable Accept-Language gets the default language
        }
        return out;
    }
}
