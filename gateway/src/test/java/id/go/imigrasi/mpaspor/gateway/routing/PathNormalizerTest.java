package id.go.imigrasi.mpaspor.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import id.go.imigrasi.mpaspor.gateway.support.PathVariants;

/**
 * Every spelling of a public route is either looked up as that route (same service, same bucket, same public
 * flag) or refused; none lands in another bucket or in none.
 */
class PathNormalizerTest {

    /** The routes with a bucket of their own, and the public reads and callbacks. */
    static final List<String[]> PUBLIC_ROUTES = List.of(
            new String[] { "POST", "/api/v1/auth/login" },
            new String[] { "POST", "/api/v1/auth/refresh" },
            new String[] { "POST", "/api/v1/accounts/otp" },
            new String[] { "POST", "/api/v1/accounts/verification" },
            new String[] { "POST", "/api/v1/accounts/password-reset" },
            new String[] { "POST", "/api/v1/accounts/password-reset/confirm" },
            new String[] { "POST", "/api/v1/accounts" },
            new String[] { "GET", "/api/v1/offices/JKT1/calendar" },
            new String[] { "POST", "/api/v1/payments/callbacks/bni" });

    static Stream<Arguments> sameRoute() {
        return PUBLIC_ROUTES.stream().flatMap(r -> PathVariants.same(r[1]).stream().map(v -> Arguments.of(r[0], r[1], v)));
    }

    static Stream<Arguments> refused() {
        return PUBLIC_ROUTES.stream().flatMap(r -> PathVariants.refused(r[1]).stream().map(v -> Arguments.of(r[0], v)));
    }

    @ParameterizedTest(name = "{0} {2} is {1}")
    @MethodSource("sameRoute")
    void aSpellingOfAPublicRouteIsLookedUpAsThatRoute(String method, String canonical, String variant) {
        PathNormalizer.Result normalized = PathNormalizer.normalize(variant);
        assertThat(normalized.refused()).as(normalized.refusal()).isFalse();
        Route expected = RouteTable.match(method, canonical).orElseThrow();
        Route actual = RouteTable.match(method, normalized.canonical().get()).orElseThrow();
        assertThat(actual.upstream()).isEqualTo(expected.upstream());
        assertThat(actual.limitCategory()).isEqualTo(expected.limitCategory());
        assertThat(actual.isPublic()).isEqualTo(expected.isPublic());
        assertThat(actual.upstreamPath()).isEqualToIgnoringCase(expected.upstreamPath());
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("refused")
    void aPathWithoutCanonicalFormIsRefused(String method, String variant) {
        assertThat(PathNormalizer.normalize(variant).refused()).isTrue();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "/api/v1/auth/login;a=b, /api/v1/auth/login",
            "/api/v1/accounts/, /api/v1/accounts",
            "/api/v1//uploads/abc%7E/, /api/v1/uploads/abc~",
            "/api/v1/uploads/AbC, /api/v1/uploads/AbC",
            "/api/v1/offices/a%20b, /api/v1/offices/a%20b",
            "/api/v1/offices/a%3fb, /api/v1/offices/a%3Fb",
            "/, /",
            "/docs/, /docs" })
    void canonicalFormDecodesUnreservedDropsMatrixAndEmptySegmentsKeepsCase(String raw, String canonical) {
        assertThat(PathNormalizer.normalize(raw).canonical()).contains(canonical);
    }
}
