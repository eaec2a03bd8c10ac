package id.go.imigrasi.mpaspor.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A service's {@code Location} becomes the public URL the client can follow through the gateway, on the configured
 * public base: never an internal host:port, never the client's {@code Host}.
 */
class PublicLocationTest {

    private static final PublicLocations PUBLIC = new PublicLocations(URI.create("https://api.mpaspor.go.id/api/v1"),
            List.of(URI.create("http://127.0.0.1:8082"), URI.create("http://quota-service:8083"),
                    URI.create("http://upload-service:8088")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://127.0.0.1:8082/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://127.0.0.1:8082/applications/a1?x=1, https://api.mpaspor.go.id/api/v1/applications/a1?x=1",
            "https://api.mpaspor.go.id/api/v1/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "/api/v1/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "https://pay.example.com/checkout/1, https://pay.example.com/checkout/1",
            // internal origins that are not a configured route: never passed on
            "http://127.0.0.1:9999/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://localhost:8082/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://quota-service:8083/holds/h1, https://api.mpaspor.go.id/api/v1/holds/h1",
            "http://application-service:8082/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://upload-service:8088/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://10.1.2.3:8084/bills/1, https://api.mpaspor.go.id/api/v1/bills/1",
            "http://[::1]:8082/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://192.168.0.7/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            // the service built it from a forged X-Forwarded-Host on the right path: the path is kept, the host is ours
            "http://127.0.0.1:8082/api/v1/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc" })
    void serviceLocationsArePublicUrls(String location, String expected) {
        assertThat(PUBLIC.ofService(location)).isEqualTo(expected);
    }

    @Test
    void unreadableOrRelativeToThePageIsDropped() {
        assertThat(PUBLIC.ofService("http://exa mple/%%")).isNull();
        assertThat(PUBLIC.ofService("uploads/abc")).isNull();
    }

    @Test
    void aBaseBehindAnotherPrefixKeepsIt() {
        PublicLocations mounted = new PublicLocations(URI.create("https://imigrasi.go.id/paspor/api/v1/"),
                List.of(URI.create("http://127.0.0.1:8082")));
        assertThat(mounted.ofService("/uploads/abc")).isEqualTo("https://imigrasi.go.id/paspor/api/v1/uploads/abc");
        assertThat(mounted.ofService("/api/v1/uploads/abc")).isEqualTo("https://imigrasi.go.id/paspor/api/v1/uploads/abc");
        assertThat(mounted.forwardedHost()).isEqualTo("imigrasi.go.id");
    }

    @Test
    void websiteRedirectsStayRelativeOrBecomePublic() {
        assertThat(PUBLIC.ofWebsite("/akun/masuk")).isEqualTo("/akun/masuk");
        assertThat(PUBLIC.ofWebsite("http://127.0.0.1:8086/akun/masuk?x=1")).isEqualTo("https://api.mpaspor.go.id/akun/masuk?x=1");
        assertThat(PUBLIC.ofWebsite("https://pay.example.com/x")).isEqualTo("https://pay.example.com/x");
    }
}
