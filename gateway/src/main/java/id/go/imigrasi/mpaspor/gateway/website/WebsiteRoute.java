package id.go.imigrasi.mpaspor.gateway.website;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.go.imigrasi.mpaspor.gateway.proxy.PublicLocations;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The applicant's website (the {@code web} module) at {@code /}: every path that is not the API ({@code /api/v1}),
 * the docs ({@code /docs}), Quarkus' own ({@code /q}) or {@code /.well-known} goes to it through a
 * {@link FrontEndProxy}. The website is a client of the API like any app: it calls {@code /api/v1} through this
 * gateway, so no edge rule is bypassed. When it is away: a short HTML page and 503 + Retry-After.
 */
@ApplicationScoped
public class WebsiteRoute {

    /** Everything but the gateway's own, the API's and the ops console's ({@link OpsConsoleRoute}) paths. */
    static final Pattern WEBSITE_PATHS = Pattern.compile(
            "^/(?!api/v1(/|$)|q(/|$)|docs(/|$)|\\.well-known(/|$)|ops(/|$)).*");
    private static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\">"
            + "<meta name=\"viewport\" content=\"width=device-width\"><meta http-equiv=\"refresh\" content=\"10\">"
            + "<title>M-Paspor</title></head><body><h1>M-Paspor sedang sibuk</h1><p>Halaman ini dimuat ulang sendiri "
            + "dalam 10 detik.</p><p lang=\"en\">The service is busy; this page reloads itself in 10 seconds.</p>"
            + "</body></html>";

    private final FrontEndProxy website;

    public WebsiteRoute(Vertx vertx,
            @ConfigProperty(name = "mpaspor.website.url", defaultValue = "http://127.0.0.1:8086") URI website,
            PublicLocations publicLocations) {
        this.website = new FrontEndProxy(vertx, "the website", website, 50, UNAVAILABLE, publicLocations);
    }

    void mount(@Observes Router router) {
        router.routeWithRegex(WEBSITE_PATHS.pattern()).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1)
                .handler(website::forward);
    }

    @PreDestroy
    void close() {
        website.close();
    }
}
