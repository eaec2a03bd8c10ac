package id.go.imigrasi.mpaspor.upload.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchmarkConfigTest {

    @Test
    void theDefaultsAreThoseOfTheIssue() {
        BenchmarkConfig c = BenchmarkConfig.parse("http://localhost:8080/api/v1/uploads");

        assertThat(c.endpoint()).isEqualTo(URI.create("http://localhost:8080/api/v1/uploads"));
        assertThat(c.clients()).isEqualTo(1000);
        assertThat(c.effectiveThreads()).isEqualTo(1000);
        assertThat(c.fileBytes()).isEqualTo(1024 * 1024);
        assertThat(c.chunkBytes()).isEqualTo(256 * 1024);
        assertThat(c.slowRequest()).isEqualTo(Duration.ofSeconds(2));
        assertThat(c.retryBase()).isEqualTo(Duration.ofSeconds(1));
        assertThat(c.retryCap()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.diskProbeBytes()).isEqualTo(256L * 1024 * 1024);
        assertThat(c.selfTest()).isFalse();
        assertThat(c.effectiveHttpClients()).isEqualTo(50);
        assertThat(c.warmUpUploads()).isEqualTo(100);
        assertThat(c.exchangesFile()).isNull();
    }

    @Test
    void clientsAreSpreadOverOneHttpClientPerTwentyByDefault() {
        assertThat(BenchmarkConfig.parse("http://h/uploads", "5").effectiveHttpClients()).isEqualTo(1);
        assertThat(BenchmarkConfig.parse("http://h/uploads", "21").effectiveHttpClients()).isEqualTo(2);
        assertThat(BenchmarkConfig.parse("http://h/uploads", "21", "--http-clients", "1").effectiveHttpClients())
                .isEqualTo(1);
    }

    @Test
    void endpointAndClientCountMayBePositionalAndOptionsOverrideDefaults() {
        BenchmarkConfig c = BenchmarkConfig.parse("http://h/uploads", "50", "--threads", "10", "--chunk-kb", "128",
                "--token", "t0k", "--disk-probe-mb", "0", "--http-clients", "20", "--warm-up-uploads", "0",
                "--exchanges", "/tmp/x.csv");

        assertThat(c.clients()).isEqualTo(50);
        assertThat(c.effectiveThreads()).isEqualTo(10);
        assertThat(c.chunkBytes()).isEqualTo(128 * 1024);
        assertThat(c.bearerToken()).isEqualTo("t0k");
        assertThat(c.diskProbeBytes()).isZero();
        assertThat(c.effectiveHttpClients()).isEqualTo(20);
        assertThat(c.warmUpUploads()).isZero();
        assertThat(c.exchangesFile()).isEqualTo(Path.of("/tmp/x.csv"));
    }

    @Test
    void selfTestNeedsNoEndpoint() {
        BenchmarkConfig c = BenchmarkConfig.parse("--self-test", "20");

        assertThat(c.selfTest()).isTrue();
        assertThat(c.endpoint()).isNull();
        assertThat(c.clients()).isEqualTo(20);
    }

    @Test
    void badArgumentsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> BenchmarkConfig.parse()).hasMessageContaining("endpoint");
        assertThatThrownBy(() -> BenchmarkConfig.parse("http://h", "--clients", "0"))
                .hasMessageContaining("--clients must be positive");
        assertThatThrownBy(() -> BenchmarkConfig.parse("http://h", "--clients", "many"))
                .hasMessageContaining("expects a number");
        assertThatThrownBy(() -> BenchmarkConfig.parse("http://h", "--frobnicate", "1"))
                .hasMessageContaining("unknown option --frobnicate");
        assertThatThrownBy(() -> BenchmarkConfig.parse("http://h", "5", "extra"))
                .hasMessageContaining("unexpected arguments");
    }

    @Test
    void identitiesFromAFileAreHandedOutInTurn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ids.csv"), """
                # token,applicationId,applicantId,documentType
                tokA,APP-A,USR-A,KK
                tokB,APP-B,USR-B
                """);

        Supplier<ClientIdentity> ids = ClientIdentity.fromFile(file);
        List<ClientIdentity> three = Stream.generate(ids).limit(3).toList();

        assertThat(three).extracting(ClientIdentity::bearerToken).containsExactly("tokA", "tokB", "tokA");
        assertThat(three.get(0).metadata()).containsEntry("applicationId", "APP-A")
                .containsEntry("applicantId", "USR-A").containsEntry("documentType", "KK");
        assertThat(three.get(1).metadata()).containsEntry("documentType", "EKTP");
    }
}
