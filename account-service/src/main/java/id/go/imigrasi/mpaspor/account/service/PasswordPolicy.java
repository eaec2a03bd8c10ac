package id.go.imigrasi.mpaspor.account.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/**
 * At least {@code min-length} characters, at most 72 bytes (bcrypt's limit), not one of the common passwords
 * ({@code common-passwords.txt}), not the email address.
 */
@ApplicationScoped
public class PasswordPolicy {

    static final int MAX_BYTES = 72;

    private final int minLength;
    private final Set<String> common;

    public PasswordPolicy(AccountConfig config) {
        this.minLength = config.password().minLength();
        this.common = load();
    }

    public Optional<FieldError> check(String field, String password, String email) {
        if (password == null || password.isEmpty()) {
            return Optional.of(FieldError.of(field, "jakarta.validation.constraints.NotBlank.message"));
        }
        if (password.length() < minLength) {
            return Optional.of(FieldError.of(field, "account.password.too-short", minLength));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of(FieldError.of(field, "account.password.too-long", MAX_BYTES));
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of(FieldError.of(field, "account.password.too-common"));
        }
        if (email != null && password.trim().equalsIgnoreCase(email.trim())) {
            return Optional.of(FieldError.of(field, "account.password.equals-email"));
        }
        return Optional.empty();
    }

    private static Set<String> load() {
        Set<String> words = new HashSet<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                PasswordPolicy.class.getResourceAsStream("/common-passwords.txt"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    words.add(line.trim().toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
