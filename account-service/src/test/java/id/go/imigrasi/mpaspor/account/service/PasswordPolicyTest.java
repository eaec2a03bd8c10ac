package id.go.imigrasi.mpaspor.account.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/** Issue 25, Security 8: the password rule after NIST SP 800-63B, with a bundled list of breached passwords. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(8, 64);

    private Optional<String> refusal(String password) {
        return policy.check("password", password, "siti@contoh.co.id").map(FieldError::code);
    }

    @Test
    void theBundledBreachedListHasTensOfThousandsOfEntries() {
        assertThat(policy.commonCount()).isGreaterThanOrEqualTo(30_000);
    }

    @ParameterizedTest
    @ValueSource(strings = { "password1", "iloveyou", "PASSWORD123", "qwertyuiop", "sunshine", "Indonesia123",
            "football", "1q2w3e4r5t", "superman" })
    void commonlyBreachedPasswordsAreRefusedWhateverTheirCase(String password) {
        assertThat(refusal(password)).contains("account.password.too-common");
    }

    @Test
    void oneCharacterRepeatedIsRefused() {
        assertThat(refusal("aaaaaaaaaaaa")).contains("account.password.same-character");
        assertThat(refusal("\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9\u00e9")).contains("account.password.same-character");
    }

    @Test
    void whitespaceOnlyIsRefused() {
        assertThat(refusal("          ")).contains("account.password.whitespace-only");
        assertThat(refusal("\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000")).contains("account.password.whitespace-only");
    }

    @ParameterizedTest
    @ValueSource(strings = { "abc\tdefgh-123", "baris\nbaru-9x", "nul\u0000char-okay", "del\u007fchar-okay",
            "c1\u0085control-x" })
    void controlCharactersAreRefused(String password) {
        assertThat(refusal(password)).contains("account.password.control-character");
    }

    @Test
    void lengthIsAtLeastEightAndAtMostSixtyFourCharacters() {
        assertThat(refusal("kudaHj7")).contains("account.password.too-short");
        assertThat(refusal("kudaHj7x")).isEmpty();
        assertThat(refusal("k".repeat(30) + "x".repeat(34))).isEmpty();
        assertThat(refusal("k".repeat(30) + "x".repeat(35))).contains("account.password.too-long-characters");
        // characters, not UTF-16 units: 8 emoji are 8 characters
        assertThat(refusal("\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03\uD83D\uDE04\uD83D\uDE05\uD83D\uDE06\uD83D\uDE07"))
                .isEmpty();
        // bcrypt reads 72 bytes: 40 two-byte letters are refused with the byte limit
        assertThat(refusal("\u00e9\u00e8".repeat(20))).contains("account.password.too-long");
    }

    @Test
    void noCompositionRulesPassphrasesAndAnyScriptAreFine() {
        assertThat(refusal("kuda lari di pantai kuta")).isEmpty();
        assertThat(refusal("semuahurufkecilsaja")).isEmpty();
        assertThat(refusal("\u0627\u0644\u0633\u0644\u0627\u0645 \u0639\u0644\u064a\u0643\u0645")).isEmpty();
    }

    @Test
    void theEmailIsRefused() {
        assertThat(refusal("Siti@Contoh.co.id")).contains("account.password.equals-email");
    }
}
