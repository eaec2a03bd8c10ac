package id.go.imigrasi.mpaspor.gateway.exchange;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What ops watch at the edge: requests the gateway answered itself ({@code mpaspor_gateway_rejected_total} by
 * reason and scope) and services that could not be reached ({@code mpaspor_gateway_upstream_unavailable_total}
 * by service).
 */
@ApplicationScoped
public class EdgeMetrics {

    private final MeterRegistry registry;

    public EdgeMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void rejected(String reason, String scope) {
        Counter.builder("mpaspor.gateway.rejected").description("Requests the gateway answered itself")
                .tag("reason", reason).tag("scope", scope).register(registry).increment();
    }

    public void upstreamUnavailable(String service) {
        Counter.builder("mpaspor.gateway.upstream.unavailable")
                .description("Requests answered 503 because the service did not accept or answer in time")
                .tag("service", service).register(registry).increment();
    }
}
