package id.go.imigrasi.mpaspor.account;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The gateway is the trusted proxy whose X-Forwarded-For names the client (login limits count per client address).
 * Found by the 2026-12-07 login wave: written {@code 127.0.0.1,::1}, the trusted proxies' {@code ::1} was read as a
 * host name and port (":" and 1), so Quarkus resolved it for every request with a DNS client of its own, whose UDP
 * socket it never closed. After about 20,000 requests account-service had no file descriptor left, accepted no
 * connection and logged "Too many open files". Written as CIDR ranges, they are addresses, checked without DNS.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TrustedProxyTest {

    private static final Path OPEN_FILES = Path.of("/proc/self/fd");

    @Test
    void requestsThroughTheTrustedProxyLeaveNoSocketOpen() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(OPEN_FILES), "Linux: /proc/self/fd");
        for (int i = 0; i < 20; i++) { // the first requests open what is kept (connections, caches)
            forwarded(i);
        }
        long before = udpSockets();
        for (int i = 0; i < 300; i++) {
            forwarded(i);
        }
        long after = udpSockets();
        // one leaked DNS socket per request was +300
        assertThat(after - before).as("UDP sockets opened by 300 requests and left open").isLessThan(10);
    }

    private static void forwarded(int i) {
        given().header("X-Forwarded-For", "198.51.100." + (i % 250 + 1)).when().get("/.well-known/jwks.json")
                .then().statusCode(200);
    }

    /** This process's open UDP sockets: its file descriptors that are sockets listed in /proc/net/udp(6). */
    private static long udpSockets() throws IOException {
        Set<String> udp = new HashSet<>();
        for (String table : List.of("/proc/self/net/udp", "/proc/self/net/udp6")) {
            Path file = Path.of(table);
            if (Files.exists(file)) {
                Files.readAllLines(file).stream().skip(1).map(line -> line.trim().split("\\s+"))
                        .filter(columns -> columns.length > 9).forEach(columns -> udp.add(columns[9]));
            }
        }
        try (Stream<Path> files = Files.list(OPEN_FILES)) {
            return files.map(TrustedProxyTest::target).filter(t -> t.startsWith("socket:["))
                    .filter(t -> udp.contains(t.substring(8, t.length() - 1))).count();
        }
    }

    private static String target(Path fd) {
        try {
            return Files.readSymbolicLink(fd).toString();
        } catch (IOException closedMeanwhile) {
            return "";
        }
    }
}
