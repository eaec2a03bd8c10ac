package id.go.imigrasi.mpaspor.application.upload.admission;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;

/**
 * p50/p99 of the upload requests as the server sees them ({@code http_server_requests_seconds{uri="/uploads...",
 * quantile=...}}, per method and status): a refused (503/429) request's own time in the server, next to what a
 * client measures (which adds its connection and its own scheduling).
 */
public class UploadLatencyMetrics {

    @Produces
    @Singleton
    MeterFilter uploadPercentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                String uri = id.getTag("uri");
                if (id.getName().equals("http.server.requests") && uri != null && uri.startsWith("/uploads")) {
                    return DistributionStatisticConfig.builder().percentiles(0.5, 0.99).build().merge(config);
                }
                return config;
            }
        };
    }
}
