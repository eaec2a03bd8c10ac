package id.go.imigrasi.mpaspor.web.pages;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import id.go.imigrasi.mpaspor.web.WebConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The body limit of the documents page's plain upload form ({@code mpaspor.web.upload-form-limit}), answered as a
 * page: a file too large for it goes back to the documents page with "too large" beside its field, never a bare 413.
 * Checked from {@code Content-Length} before Quarkus' own limit ({@code quarkus.http.limits.max-body-size}, which
 * answers 413 and closes the connection under the browser: "connection reset"). The body is read to its end and
 * thrown away first, up to {@code mpaspor.web.upload-form-drain}, because a browser still sending its request does
 * not show an answer given in the middle of it; beyond that the answer is given at once and the connection closed.
 */
@ApplicationScoped
public class UploadFormLimit {

    /** The form's address: {@code /applications/{id}/documents/{applicantId}/{line}}. */
    static final Pattern FORM = Pattern
            .compile("/applications/([0-9a-fA-F-]{36})/documents/([0-9a-fA-F-]{36})/([A-Z][A-Z0-9_]{0,59})");

    private final long limit;
    private final long drain;

    public UploadFormLimit(WebConfig config) {
        this.limit = config.uploadFormLimit().asLongValue();
        this.drain = config.uploadFormDrain().asLongValue();
    }

    void install(@Observes Router router) {
        router.post().pathRegex(FORM.pattern()).order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                .handler(this::check);
    }

    private void check(RoutingContext context) {
        HttpServerRequest request = context.request();
        long declared = declaredLength(request.getHeader("Content-Length"));
        Matcher form = FORM.matcher(request.path());
        if (declared <= limit || !form.matches()) {
            // within the limit (or a chunked body, which Quarkus' limit counts as it arrives): the form's resource
            context.next();
            return;
        }
        HttpServerResponse response = context.response().setStatusCode(303)
                .putHeader("Location", "/applications/" + form.group(1) + "/documents?too-large="
                        + DocumentPages.fieldId(form.group(2), form.group(3)))
                .putHeader("Cache-Control", "no-store");
        if (request.isEnded()) {
            response.end();
        } else if (declared > drain || "100-continue".equalsIgnoreCase(request.getHeader("Expect"))) {
            // not worth reading (or not sent yet): answer now, and this connection carries nothing more
            response.putHeader("Connection", "close");
            response.endHandler(ended -> request.connection().close());
            response.end();
        } else {
            request.handler(ignored -> {
            });
            request.exceptionHandler(failed -> request.connection().close());
            request.endHandler(ended -> response.end());
            request.resume();
        }
    }

    private static long declaredLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
