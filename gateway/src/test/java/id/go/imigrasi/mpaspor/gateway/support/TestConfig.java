package id.go.imigrasi.mpaspor.gateway.support;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import id.go.imigrasi.mpaspor.gateway.config.GatewayConfig;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/** A {@link GatewayConfig} for a unit test of one class, without starting the application. */
public final class TestConfig {

    private TestConfig() {
    }

    public static GatewayConfig gateway(Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>();
        for (String service : FakeUpstreams.SERVICES) {
            values.put("mpaspor.gateway.routes." + service, "http://127.0.0.1:1");
        }
        values.put("mpaspor.gateway.public-base-url", "https://api.mpaspor.test/api/v1");
        values.put("mpaspor.gateway.proxy.connect-timeout", "1s");
        values.put("mpaspor.gateway.proxy.response-timeout", "30s");
        values.put("mpaspor.gateway.proxy.upload-timeout", "10m");
        values.put("mpaspor.gateway.proxy.retry-after", "5s");
        values.put("mpaspor.gateway.proxy.max-pool-size", "10");
        values.put("mpaspor.gateway.proxy.max-wait-queue", "10");
        for (String scope : new String[] { "per-ip", "per-account", "login", "otp", "registration", "password-reset",
                "status-check" }) {
            values.put("mpaspor.gateway.rate-limits." + scope + ".capacity", "100");
            values.put("mpaspor.gateway.rate-limits." + scope + ".period", "1m");
        }
        values.put("mpaspor.gateway.rate-limits.enabled", "true");
        values.put("mpaspor.gateway.rate-limits.idle-expiry", "15m");
        values.put("mpaspor.gateway.rate-limits.max-keys", "1000");
        values.put("mpaspor.gateway.docs.cache-ttl", "30s");
        values.put("mpaspor.gateway.docs.fetch-timeout", "2s");
        values.put("mpaspor.gateway.health.cache-ttl", "5s");
        values.put("mpaspor.gateway.health.timeout", "1s");
        values.put("mpaspor.gateway.security-headers.no-store", "/api/v1/accounts");
        values.putAll(overrides);
        // Quarkus's own converter reads "30s" like the application does
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(GatewayConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(values, "test", 500)).build();
        return config.getConfigMapping(GatewayConfig.class);
    }
}
