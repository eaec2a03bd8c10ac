package id.go.imigrasi.mpaspor.gateway.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI lists every dead-letter topic the services configure, no more: read from the services' own
 * configuration files in this repository, so a new consumer's dead-letter topic cannot go undocumented.
 */
class DeadLetterTopicsTest {

    private static final Pattern DLT = Pattern.compile(
            "^mp\\.messaging\\.incoming\\.[^.]+\\.dead-letter-queue\\.topic=(.+)$", Pattern.MULTILINE);

    @Test
    void theDocumentedDeadLetterTopicsAreTheConfiguredOnes() throws IOException {
        Set<String> configured = new TreeSet<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root, 8)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".properties"))
                    .filter(p -> p.toString().contains("/src/main/resources/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .toList()) {
                Matcher m = DLT.matcher(Files.readString(file));
                while (m.find()) {
                    configured.add(m.group(1).trim());
                }
            }
        }
        assertThat(configured).as("found in the services' configuration").hasSizeGreaterThan(5);
        assertThat(AsyncApiDocument.DEAD_LETTERS.stream().map(AsyncApiDocument.DeadLetters::topic).toList())
                .containsExactlyInAnyOrderElementsOf(configured);
    }
}
