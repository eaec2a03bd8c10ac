package id.go.imigrasi.mpaspor.gateway.health;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

/**
 * Small GETs to the services for the gateway's own pages (health, docs): a short timeout each, every service
 * at once, a failure is an answer ("missing"), never an exception.
 */
@ApplicationScoped
public class UpstreamProbe {

    /** What one service answered: its status and body, or nothing (unreachable, timed out). */
    public record Answer(Upstream upstream, int status, Buffer body) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final GatewayConfig config;
    private final HttpClient client;

    public UpstreamProbe(Vertx vertx, GatewayConfig config) {
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.proxy().connectTimeout().toMillis())
                .setMaxPoolSize(2));
    }

    /** GET {@code path} from every service at once. */
    public Future<Map<Upstream, Answer>> getAll(String path, Duration timeout) {
        List<Future<Answer>> answers = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            answers.add(get(upstream, path, timeout));
        }
        return Future.join(answers).transform(done -> {
            Map<Upstream, Answer> result = new EnumMap<>(Upstream.class);
            for (Future<Answer> answer : answers) {
                result.put(answer.result().upstream(), answer.result());
            }
            return Future.succeededFuture(result);
        });
    }

    public Future<Answer> get(Upstream upstream, String path, Duration timeout) {
        URI base = upstream.uri(config.routes());
        return client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(base.getHost())
                        .setPort(Upstream.portOf(base)).setURI(path).setTimeout(timeout.toMillis())
                        .setConnectTimeout(Math.min(timeout.toMillis(), config.proxy().connectTimeout().toMillis()))
                        .addHeader("Accept", "application/json"))
                // the body is asked for inside the request's callback: chained after it, an answer can be read
                // before anyone listens when the caller is not a Vert.x thread (eclipse-vertx/vert.x#4705)
                .compose(request -> request.send().compose(response -> response.body()
                        .map(body -> new Answer(upstream, response.statusCode(), body))))
                .otherwise(failure -> new Answer(upstream, 0, null));
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
