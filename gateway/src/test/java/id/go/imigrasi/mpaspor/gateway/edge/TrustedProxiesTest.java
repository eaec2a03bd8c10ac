package id.go.imigrasi.mpaspor.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import id.go.imigrasi.mpaspor.gateway.support.TestConfig;
import id.go.imigrasi.mpaspor.gateway.exchange.ClientAddress;

/** The trusted-proxy matcher and the walk of X-Forwarded-For, without the network. */
class TrustedProxiesTest {

    private static final TrustedProxies LB = new TrustedProxies(
            List.of("10.0.0.0/8", " 192.168.1.7 ", "2001:db8:ffff::/48", "fd00::1"));

    private static InetAddress ip(String literal) {
        return TrustedProxies.parseEntry(literal);
    }

    @ParameterizedTest(name = "{0} trusted: {1}")
    @CsvSource({
            "10.0.0.1, true", "10.255.255.255, true", "11.0.0.1, false", "9.255.255.255, false",
            "192.168.1.7, true", "192.168.1.8, false",
            "2001:db8:ffff::1, true", "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, true", "2001:db8:fffe::1, false",
            "fd00::1, true", "fd00::2, false",
            // an IPv4-mapped IPv6 address is that IPv4 address
            "::ffff:10.1.2.3, true", "::ffff:11.1.2.3, false" })
    void matchesAddressesAndCidrRangesOfBothFamilies(String address, boolean trusted) {
        assertThat(LB.trusts(ip(address))).isEqualTo(trusted);
    }

    @Test
    void emptyListTrustsNobody() {
        TrustedProxies nobody = new TrustedProxies(List.of());
        assertThat(nobody.trusts(ip("127.0.0.1"))).isFalse();
        assertThat(nobody.resolve("127.0.0.1", List.of("203.0.113.9")).client()).isEqualTo("127.0.0.1");
        assertThat(new TrustedProxies(TestConfig.gateway(Map.of())).trusts(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void configuredListIsReadFromTheGatewayConfiguration() {
        TrustedProxies fromConfig = new TrustedProxies(
                TestConfig.gateway(Map.of("mpaspor.gateway.trusted-proxies", "10.0.0.0/8,::1")));
        assertThat(fromConfig.trusts(ip("10.9.9.9"))).isTrue();
        assertThat(fromConfig.trusts(ip("::1"))).isTrue();
        assertThat(fromConfig.trusts(ip("127.0.0.1"))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = { "lb.example.id", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0/8",
            "300.1.1.1" })
    void malformedConfigurationFailsTheStartInsteadOfTrustingSomethingElse(String entry) {
        assertThatThrownBy(() -> new TrustedProxies(List.of(entry)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(entry);
    }

    @Test
    void headerFromAnUntrustedPeerIsIgnoredAndNotForwarded() {
        ClientAddress resolved = LB.resolve("203.0.113.50", List.of("198.51.100.1"));
        assertThat(resolved.client()).isEqualTo("203.0.113.50");
        assertThat(resolved.peerTrusted()).isFalse();
        assertThat(resolved.forwardedFor()).isEqualTo("203.0.113.50");
    }

    @Test
    void rightmostUntrustedAddressOfATrustedPeerIsTheClient() {
        // the client wrote 1.1.1.1 itself; the balancer appended the address it saw
        ClientAddress resolved = LB.resolve("10.0.0.2", List.of("1.1.1.1, 198.51.100.1"));
        assertThat(resolved.client()).isEqualTo("198.51.100.1");
        assertThat(resolved.peer()).isEqualTo("10.0.0.2");
        assertThat(resolved.peerTrusted()).isTrue();
        assertThat(resolved.forwardedFor()).isEqualTo("1.1.1.1, 198.51.100.1, 10.0.0.2");
    }

    @Test
    void recursiveChainSkipsEveryTrustedProxyAcrossSeveralHeaderLines() {
        ClientAddress resolved = LB.resolve("10.0.0.2",
                List.of("6.6.6.6, 198.51.100.1, 192.168.1.7", "10.1.1.1"));
        assertThat(resolved.client()).isEqualTo("198.51.100.1");
        assertThat(resolved.forwardedFor()).isEqualTo("6.6.6.6, 198.51.100.1, 192.168.1.7, 10.1.1.1, 10.0.0.2");
    }

    @Test
    void chainOfOnlyTrustedProxiesEndsAtItsLeftmostAddress() {
        assertThat(LB.resolve("10.0.0.2", List.of("10.3.3.3, 10.4.4.4")).client()).isEqualTo("10.3.3.3");
        assertThat(LB.resolve("10.0.0.2", List.of()).client()).isEqualTo("10.0.0.2");
        assertThat(LB.resolve("10.0.0.2", List.of()).forwardedFor()).isEqualTo("10.0.0.2");
    }

    @Test
    void ipv6ClientsAndProxiesInCanonicalForm() {
        ClientAddress resolved = LB.resolve("2001:db8:ffff:0:0:0:0:9",
                List.of("2001:DB8:0:0:0:0:0:1, [2001:db8:ffff::5]:443"));
        assertThat(resolved.client()).isEqualTo("2001:db8::1");
        assertThat(resolved.peer()).isEqualTo("2001:db8:ffff::9");
        assertThat(LB.resolve("fd00::1", List.of("[2001:db8::abcd]")).client()).isEqualTo("2001:db8::abcd");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = { "unknown", "_hidden", "not an ip", "999.1.1.1", "1.2.3.4:99999", "1.2.3.4:",
            "[2001:db8::1", "[1.2.3.4]", "2001:db8::1::2", "example.com", "1.2.3.4:80:80",
            "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" })
    void malformedEntryWhereTheClientShouldBeFallsBackToTheLastTrustedHop(String garbage) {
        // nothing left of a malformed entry can be vouched for: the nearest known address is the client
        ClientAddress resolved = LB.resolve("10.0.0.2", List.of("198.51.100.77, " + garbage + ", 10.5.5.5"));
        assertThat(resolved.client()).isEqualTo("10.5.5.5");
        assertThat(LB.resolve("10.0.0.2", List.of(garbage)).client()).isEqualTo("10.0.0.2");
    }

    @Test
    void malformedEntriesLeftOfTheClientAndEmptyEntriesChangeNothing() {
        assertThat(LB.resolve("10.0.0.2", List.of("garbage, 198.51.100.1")).client()).isEqualTo("198.51.100.1");
        assertThat(LB.resolve("10.0.0.2", List.of(" , 198.51.100.1 ,, ")).client()).isEqualTo("198.51.100.1");
        assertThat(LB.resolve("10.0.0.2", List.of("")).client()).isEqualTo("10.0.0.2");
        assertThat(LB.resolve("10.0.0.2", List.of("198.51.100.1:5123")).client()).isEqualTo("198.51.100.1");
    }

    @Test
    void peerWithoutAnIpAddressIsKeyedAsItIs() {
        assertThat(LB.resolve(null, List.of("198.51.100.1")).client()).isEqualTo(ClientAddress.UNKNOWN);
    }
}
