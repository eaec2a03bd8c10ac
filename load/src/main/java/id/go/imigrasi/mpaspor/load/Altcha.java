package id.go.imigrasi.mpaspor.load;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/** The client side of the ALTCHA proof-of-work (SHA-256): what the widget does in a browser, for the benchmark. */
final class Altcha {

    private Altcha() {
    }

    /** Finds the number and returns the widget's payload (base64 JSON). */
    static String solve(String challenge, String salt, String signature, long maxNumber) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (long n = 0; n <= maxNumber; n++) {
            byte[] digest = sha.digest((salt + n).getBytes(StandardCharsets.UTF_8));
            if (HexFormat.of().formatHex(digest).equals(challenge)) {
                String json = "{\"algorithm\":\"SHA-256\",\"challenge\":\"" + challenge + "\",\"number\":" + n
                        + ",\"salt\":\"" + salt.replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"signature\":\""
                        + signature + "\"}";
                return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            }
        }
        throw new IllegalArgumentException("no solution up to " + maxNumber);
    }
}
