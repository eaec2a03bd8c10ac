package id.go.imigrasi.mpaspor.web.pages;

import java.net.URI;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import id.go.imigrasi.mpaspor.web.api.ApiBusy;
import id.go.imigrasi.mpaspor.web.session.CsrfRefused;
import id.go.imigrasi.mpaspor.web.session.LoginRequired;
import id.go.imigrasi.mpaspor.web.session.PrivacyConsentRequired;
import id.go.imigrasi.mpaspor.web.session.Visit;

/**
 * What the visitor sees when something stands in the way: a busy API becomes a plain-words page that tries again
 * by itself after Retry-After; a missing login the login page; never a stack trace.
 */
public class ErrorPages {

    private static final Logger LOG = Logger.getLogger(ErrorPages.class);

    private final Pages pages;
    private final Visit visit;

    public ErrorPages(Pages pages, Visit visit) {
        this.pages = pages;
        this.visit = visit;
    }

    @ServerExceptionMapper
    public Response busy(ApiBusy busy) {
        return Response.status(503).header("Retry-After", busy.retryAfterSeconds()).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("busy").data("seconds", busy.retryAfterSeconds()).data("again", visit.path())
                        .render())
                .build();
    }

    @ServerExceptionMapper
    public Response login(LoginRequired required) {
        return AccountPages.redirect("/login?back=" + java.net.URLEncoder.encode(required.back(),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    @ServerExceptionMapper
    public Response privacy(PrivacyConsentRequired required) {
        return AccountPages.redirect(PrivacyPages.acceptPath(required.back()));
    }

    @ServerExceptionMapper
    public Response csrf(CsrfRefused refused) {
        return Response.status(403).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("error").data("kind", "csrf").render()).build();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("error").data("kind", "notfound").render()).build();
    }

    @ServerExceptionMapper
    public Response other(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (status < 500) {
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                    .entity(pages.page("error").data("kind", status == 404 ? "notfound" : "bad").render()).build();
        }
        return unexpected(e);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e) {
        LOG.error("page failed: " + visit.path(), e);
        // the visitor gets the "busy" page that tries again; the log has the cause
        return Response.status(503).header("Retry-After", 10).type(MediaType.TEXT_HTML_TYPE)
                .entity(pages.page("busy").data("seconds", 10).data("again", visit.path()).render()).build();
    }
}
