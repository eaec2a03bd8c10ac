package id.go.imigrasi.mpaspor.gateway.docs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The documents integrators read: the aggregated OpenAPI at {@code /docs/openapi} (YAML by default, JSON with
 * {@code ?format=json} or {@code Accept: application/json}, like Quarkus's own {@code /q/openapi}),
 * {@code /docs/openapi.json} (what the Swagger UI at {@code /docs} shows) and {@code /docs/openapi.yaml}, and the
 * AsyncAPI of the Kafka topics at {@code /docs/asyncapi.yaml}. Public: no token needed. ({@code /q/*} is not
 * served on the public port: it is the management interface's.)
 */
@ApplicationScoped
public class DocsRoutes {

    private static final Logger LOG = Logger.getLogger(DocsRoutes.class);

    private final OpenApiAggregator openApi;
    private final AsyncApiDocument asyncApi;
    private final ObjectMapper json;
    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory());

    public DocsRoutes(OpenApiAggregator openApi, AsyncApiDocument asyncApi, ObjectMapper json) {
        this.openApi = openApi;
        this.asyncApi = asyncApi;
        this.json = json;
    }

    void mount(@Observes Router router) {
        int order = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
        router.get("/docs/openapi").order(order).handler(this::openApi);
        router.get("/docs/openapi.json").order(order).handler(ctx -> serve(ctx, true));
        router.get("/docs/openapi.yaml").order(order).handler(ctx -> serve(ctx, false));
        router.get("/docs/asyncapi.yaml").order(order).handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8").end(asyncApi.yaml()));
    }

    private void openApi(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader(HttpHeaders.ACCEPT);
        boolean asJson = "json".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("application/json"));
        serve(ctx, asJson);
    }

    private void serve(RoutingContext ctx, boolean asJson) {
        openApi.document().onComplete(done -> {
            if (done.failed()) {
                LOG.error("could not assemble the OpenAPI document", done.cause());
                ctx.fail(done.cause());
                return;
            }
            ObjectNode document = done.result();
            try {
                if (asJson) {
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json;charset=UTF-8")
                            .end(json.writeValueAsString(document));
                } else {
                    ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/yaml;charset=UTF-8")
                            .end(yaml.writeValueAsString(document));
                }
            } catch (JsonProcessingException e) {
                ctx.fail(e);
            }
        });
    }
}
