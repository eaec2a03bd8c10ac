package id.go.imigrasi.mpaspor.gateway.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import id.go.imigrasi.mpaspor.gateway.edge.EdgeRouter;

/**
 * The gateway's readiness is its own: ready once its edge (request id, client address, routes, buckets, token
 * check, proxy) is mounted on the HTTP router and takes requests. The services' health is a separate group
 * ({@link UpstreamsReadiness}) and never takes the gateway out of a load balancer.
 */
@Readiness
@ApplicationScoped
public class GatewayReadiness implements HealthCheck {

    private final EdgeRouter edge;

    public GatewayReadiness(EdgeRouter edge) {
        this.edge = edge;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("gateway edge").status(edge.mounted()).build();
    }
}
