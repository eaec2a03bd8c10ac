package id.go.imigrasi.mpaspor.upload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Who one benchmark client is: the bearer token it sends and the {@code Upload-Metadata} of its upload. The
 * benchmark takes a {@code Supplier<ClientIdentity>} and asks it once per client, so real accounts and applications
 * can be plugged in (see {@link #fromFile}).
 *
 * @param bearerToken the token, or {@code null} to send no Authorization header
 * @param metadata    applicationId, applicantId, documentType, filename
 */
public record ClientIdentity(String bearerToken, Map<String, String> metadata) {

    public ClientIdentity {
        metadata = Map.copyOf(metadata);
    }

    /** Made-up applications and applicants, all with the same (possibly absent) token. */
    public static Supplier<ClientIdentity> synthetic(String bearerToken) {
        AtomicInteger next = new AtomicInteger();
        return () -> {
            int n = next.incrementAndGet();
            return new ClientIdentity(bearerToken, Map.of(
                    "applicationId", UUID.randomUUID().toString(),
                    "applicantId", UUID.randomUUID().toString(),
                    "documentType", "EKTP",
                    "filename", "bench-" + n + ".jpg"));
        };
    }

    /**
     * One identity per line, {@code token,applicationId,applicantId[,documentType]}, used in turn (and again from the
     * top when there are fewer lines than clients). Blank lines and lines starting with {@code #} are skipped.
     */
    public static Supplier<ClientIdentity> fromFile(Path file) throws IOException {
        List<ClientIdentity> identities = Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(ClientIdentity::parseLine)
                .toList();
        if (identities.isEmpty()) {
            throw new IllegalArgumentException("no identities in " + file);
        }
        AtomicInteger next = new AtomicInteger();
        return () -> identities.get(Math.floorMod(next.getAndIncrement(), identities.size()));
    }

    private static ClientIdentity parseLine(String line) {
        String[] f = line.split(",", -1);
        if (f.length < 3) {
            throw new IllegalArgumentException("expected token,applicationId,applicantId[,documentType]: " + line);
        }
        String documentType = f.length > 3 && !f[3].isBlank() ? f[3].strip() : "EKTP";
        return new ClientIdentity(f[0].isBlank() ? null : f[0].strip(), Map.of(
                "applicationId", f[1].strip(),
                "applicantId", f[2].strip(),
                "documentType", documentType,
                "filename", documentType.toLowerCase() + ".jpg"));
    }
}
