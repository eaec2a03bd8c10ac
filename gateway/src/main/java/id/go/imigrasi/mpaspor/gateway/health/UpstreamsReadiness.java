package id.go.imigrasi.mpaspor.gateway.health;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import id.go.imigrasi.mpaspor.gateway.routing.Upstream;
import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.health.api.HealthGroup;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Future;

/**
 * Whether every routed service answers its {@code /q/health/live}: the health group {@code upstreams}
 * ({@code /q/health/group/upstreams} on the management interface), for dashboards and alerts. It is not part of
 * the gateway's readiness: one service down must not take the whole API out of a load balancer, whose other
 * routes still answer (the down service's routes answer 503 + Retry-After at once). The probe result is reused
 * for a few seconds so frequent checks do not multiply into calls on every service.
 */
@HealthGroup(UpstreamsReadiness.GROUP)
@ApplicationScoped
public class UpstreamsReadiness implements AsyncHealthCheck {

    public static final String GROUP = "upstreams";

    private final UpstreamProbe probe;
    private final GatewayConfig.Health config;
    private volatile Probed last;

    private record Probed(Instant at, Map<Upstream, UpstreamProbe.Answer> answers) {
    }

    public UpstreamsReadiness(UpstreamProbe probe, GatewayConfig config) {
        this.probe = probe;
        this.config = config.health();
    }

    @Override
    public Uni<HealthCheckResponse> call() {
        Probed cached = last;
        Future<Map<Upstream, UpstreamProbe.Answer>> answers;
        if (cached != null && cached.at().plus(config.cacheTtl()).isAfter(Instant.now())) {
            answers = Future.succeededFuture(cached.answers());
        } else {
            answers = probe.getAll("/q/health/live", config.timeout()).onSuccess(a -> last = new Probed(Instant.now(), a));
        }
        return Uni.createFrom().completionStage(answers.toCompletionStage()).map(UpstreamsReadiness::response);
    }

    private static HealthCheckResponse response(Map<Upstream, UpstreamProbe.Answer> answers) {
        HealthCheckResponseBuilder builder = HealthCheckResponse.named("upstream services");
        boolean up = true;
        for (UpstreamProbe.Answer answer : answers.values()) {
            builder.withData(answer.upstream().serviceName(), answer.ok() ? "UP" : "DOWN");
            up &= answer.ok();
        }
        return builder.status(up).build();
    }
}
