package id.go.imigrasi.mpaspor.gateway.website;

import java.net.URI;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import id.go.imigrasi.mpaspor.gateway.proxy.PublicLocations;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;

/**
 * The ops console (the {@code ops-console} module) at {@code /ops}, through a {@link FrontEndProxy} like the website
 * (its Server-Sent Events included). The console checks its users itself
 * (roles {@code ops} and {@code admin}); it is a process of its own because it reads Kafka and the services'
 * metrics, which the public website must not. When it is away: 503 + Retry-After and a short page.
 */
@ApplicationScoped
public class OpsConsoleRoute {

    static final String PATHS = "^/ops(/.*)?$";
    private static final String UNAVAILABLE = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
            + "<meta http-equiv=\"refresh\" content=\"10\"><title>M-Paspor ops console</title></head><body>"
            + "<main><h1>The ops console is not answering</h1><p>This page reloads itself in 10 seconds.</p></main>"
            + "</body></html>";

    private final FrontEndProxy console;

    public OpsConsoleRoute(Vertx vertx,
            @ConfigProperty(name = "mpaspor.ops-console.url", defaultValue = "http://127.0.0.1:8087") URI console,
            PublicLocations publicLocations) {
        this.console = new FrontEndProxy(vertx, "the ops console", console, 20, UNAVAILABLE, publicLocations);
    }

    void mount(@Observes Router router) {
        router.routeWithRegex(PATHS).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT + 1).handler(console::forward);
    }

    @PreDestroy
    void close() {
        console.close();
    }
}
