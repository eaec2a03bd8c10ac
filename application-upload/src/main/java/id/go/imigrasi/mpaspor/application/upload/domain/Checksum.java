package id.go.imigrasi.mpaspor.application.upload.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.go.imigrasi.mpaspor.platform.problem.ProblemException;

/**
 * The tus checksum extension: {@code Upload-Checksum: <algorithm> <Base64 digest>} of one PATCH body. The
 * server computes the digest over the bytes it wrote and keeps them only when both agree.
 */
public record Checksum(String algorithm, byte[] expected) {

    public static final String HEADER = "Upload-Checksum";
    /** tus algorithm name to JCA name; advertised as {@code Tus-Checksum-Algorithm}. */
    private static final Map<String, String> SUPPORTED = Map.of("sha1", "SHA-1", "sha256", "SHA-256");
    public static final List<String> ALGORITHMS = List.of("sha1", "sha256");

    /** Null when the header is absent; a 400 when it is malformed or names an algorithm we do not support. */
    public static Checksum parse(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String[] parts = header.trim().split(" +");
        if (parts.length != 2) {
            throw ProblemException.invalid(HEADER, "upload.validation.checksum-malformed");
        }
        String algorithm = parts[0].toLowerCase(Locale.ROOT);
        if (!SUPPORTED.containsKey(algorithm)) {
            throw ProblemException.invalid(HEADER, "upload.validation.checksum-algorithm",
                    String.join(", ", ALGORITHMS));
        }
        try {
            return new Checksum(algorithm, Base64.getDecoder().decode(parts[1]));
        } catch (IllegalArgumentException notBase64) {
            throw ProblemException.invalid(HEADER, "upload.validation.checksum-malformed");
        }
    }

    public MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(SUPPORTED.get(algorithm));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean matches(byte[] actual) {
        return MessageDigest.isEqual(expected, actual);
    }
}
