package id.go.imigrasi.mpaspor.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/**
 * Every component of the system is scraped for the console's service table ({@code mpaspor.ops.metrics.<component>}),
 * upload-service included, each from its own {@code MPASPOR_*_URL} (docker-compose.yml and the launcher set them).
 */
class ScrapedComponentsTest {

    private static final String PREFIX = "mpaspor.ops.metrics.";

    @Test
    void everyServiceAndTheGatewayAreScraped() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("application.properties")) {
            properties.load(in);
        }
        Set<String> components = new TreeSet<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith(PREFIX)) {
                components.add(key.substring(PREFIX.length()));
            }
        }
        assertThat(components).containsExactlyInAnyOrder("gateway", "account-service", "application-service",
                "quota-service", "billing-service", "biometric-service", "upload-service");
        assertThat(properties.getProperty(PREFIX + "upload-service"))
                .isEqualTo("${MPASPOR_UPLOAD_URL:http://127.0.0.1:8088}/q/metrics");
    }
}
