package id.go.imigrasi.mpaspor.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A service's {@code Location} becomes the public URL the client can follow through the gateway. */
class PublicLocationTest {

    private static final URI SERVICE = URI.create("http://127.0.0.1:8082");
    private static final String PUBLIC = "https://api.mpaspor.go.id";

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "http://127.0.0.1:8082/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "http://127.0.0.1:8082/applications/a1?x=1, https://api.mpaspor.go.id/api/v1/applications/a1?x=1",
            "https://api.mpaspor.go.id/api/v1/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "/api/v1/uploads/abc, https://api.mpaspor.go.id/api/v1/uploads/abc",
            "https://pay.example.com/checkout/1, https://pay.example.com/checkout/1",
            "http://127.0.0.1:9999/uploads/abc, http://127.0.0.1:9999/uploads/abc" })
    void serviceLocationsArePublicUrls(String location, String expected) {
        assertThat(UpstreamProxy.publicLocation(location, SERVICE, PUBLIC)).isEqualTo(expected);
    }
}
