package id.go.imigrasi.mpaspor.gateway.exchange;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.platform.i18n.Messages;
import id.go.imigrasi.mpaspor.platform.problem.Problem;
import id.go.imigrasi.mpaspor.platform.problem.ProblemType;
import id.go.imigrasi.mpaspor.platform.web.RequestId;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's own answers as RFC 9457 {@code application/problem+json}, with the platform's conventions (type
 * URI, title and detail from the message bundles in the language of {@code Accept-Language}, request id,
 * {@code Retry-After} on 429/503). The gateway answers from Vert.x routes, before any JAX-RS resource, so it
 * renders here with the platform's {@link Problem} and {@link Messages} instead of the JAX-RS mapper.
 */
@ApplicationScoped
public class EdgeProblems {

    private final Messages messages;
    private final ObjectMapper json;

    public EdgeProblems(Messages messages, ObjectMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** A rendered problem: status, headers and body, for a route handler or a proxy response. */
    public record Rendered(int status, String language, Long retryAfterSeconds, Buffer body) {
    }

    public Rendered render(HttpServerRequest request, ProblemType type, Duration retryAfter, Object... detailArgs) {
        Locale locale = negotiate(request.getHeader(HttpHeaders.ACCEPT_LANGUAGE));
        String slug = type.slug();
        String detail = messages.find(locale, "problem." + slug + ".detail")
                .map(t -> new java.text.MessageFormat(t, locale).format(detailArgs)).orElse(null);
        Problem body = new Problem(type.uri(), messages.get(locale, "problem." + slug + ".title"), type.status(),
                detail, request.path(), request.getHeader(RequestId.HEADER), List.of());
        Long seconds = retryAfter == null ? null : Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        try {
            return new Rendered(type.status(), locale.toLanguageTag(), seconds, Buffer.buffer(json.writeValueAsBytes(body)));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public void send(RoutingContext ctx, ProblemType type, Duration retryAfter, Object... detailArgs) {
        Rendered problem = render(ctx.request(), type, retryAfter, detailArgs);
        var response = ctx.response().setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONTENT_LANGUAGE, problem.language());
        if (problem.retryAfterSeconds() != null) {
            response.putHeader("Retry-After", String.valueOf(problem.retryAfterSeconds()));
        }
        if (type.status() == 401) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        response.end(problem.body());
    }

    static Locale negotiate(String acceptLanguage) {
        List<Locale> acceptable = new ArrayList<>();
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (!"*".equals(range.getRange())) {
                        acceptable.add(Locale.forLanguageTag(range.getRange()));
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                // a malformed header asks for nothing: the default language
            }
        }
        return Messages.negotiate(acceptable);
    }
}
