package id.go.imigrasi.mpaspor.account.service;

import id.go.imigrasi.mpaspor.account.config.AccountConfig;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/**
 * The password rule of registration, password change, reset and officer creation, after NIST SP 800-63B
 * (section 5.1.1.2): at least {@code min-length} characters and at most {@code max-length} characters (and
 * {@value #MAX_BYTES} bytes, bcrypt's limit), no composition rules (no "one digit, one capital"), and refused when
 * it is
 * <ul>
 * <li>one of the commonly breached passwords: the 30,000 most common ones of zxcvbn's list (from Xato's 10 million
 * leaked passwords, bundled by the {@code com.nulab-inc:zxcvbn} artifact) and our own Indonesian additions
 * ({@code common-passwords.txt}), compared case-insensitively, in a HashSet;</li>
 * <li>one character repeated ({@code aaaaaaaa});</li>
 * <li>only whitespace;</li>
 * <li>carrying control characters (tab, line breaks, NUL...): they cannot be typed reliably on every device;</li>
 * <li>the email address.</li>
 * </ul>
 * Spaces inside a password are allowed (passphrases), and any Unicode letter is.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int MAX_BYTES = 72;
    static final String BREACHED_LIST = "/com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";
    static final String OWN_LIST = "/common-passwords.txt";

    private final int minLength;
    private final int maxLength;
    private final Set<String> common;

    @Inject
    public PasswordPolicy(AccountConfig config) {
        this(config.password().minLength(), config.password().maxLength());
    }

    PasswordPolicy(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
        Set<String> words = new HashSet<>();
        load(BREACHED_LIST, words);
        load(OWN_LIST, words);
        this.common = Set.copyOf(words);
    }

    /** The number of refused common passwords (for the tests and the README). */
    int commonCount() {
        return common.size();
    }

    public Optional<FieldError> check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of(FieldError.of(field, "jakarta.validation.constraints.NotBlank.message"));
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            return Optional.of(FieldError.of(field, "account.password.control-character"));
        }
        if (password.isBlank()) {
            return Optional.of(FieldError.of(field, "account.password.whitespace-only"));
        }
        int length = password.codePointCount(0, password.length());
        if (length < minLength) {
            return Optional.of(FieldError.of(field, "account.password.too-short", minLength));
        }
        if (length > maxLength) {
            return Optional.of(FieldError.of(field, "account.password.too-long-characters", maxLength));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(FieldError.of(field, "account.password.too-long", MAX_BYTES));
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of(FieldError.of(field, "account.password.same-character"));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(FieldError.of(field, "account.password.too-common"));
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            return Optional.of(FieldError.of(field, "account.password.equals-email"));
        }
        return Optional.empty();
    }

    private static void load(String resource, Set<String> words) {
        InputStream stream = PasswordPolicy.class.getResourceAsStream(resource);
        if (stream == null) {
            throw new IllegalStateException("the password list " + resource + " is not on the classpath");
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
