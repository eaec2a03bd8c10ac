package id.go.imigrasi.mpaspor.application.dukcapil;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.go.imigrasi.mpaspor.application.domain.Sex;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/** The applicant is the registered person only when name, birth place, sex and birth date agree with Dukcapil. */
class IdentityMatchTest {

    private static final LocalDate BORN = LocalDate.of(1970, 11, 11);
    private static final DukcapilRecord JOKO = new DukcapilRecord("3471011111700015", "Joko Susilo", BORN,
            "Yogyakarta", "MALE");

    private static String fields(IdentityMatch.Claimed claimed) {
        return String.join(",", IdentityMatch.mismatches(claimed, JOKO).stream().map(FieldError::field).toList());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "Joko Susilo        | JOKO SUSILO",          // case
            "Joko Susilo        | '  joko   susilo '",   // spaces
            "Joko Susilo        | Joko-Susilo.",         // punctuation
            "Ma'ruf Amin        | Maruf Amin",           // apostrophe
            "Ma'ruf Amin        | Ma’ruf Amin",          // typographic apostrophe
            "André Wijaya       | Andre Wijaya",         // diacritics
            "Soekarno           | Sukarno",              // oe = u
            "Djoko Soesilo      | Joko Susilo",          // dj = j, oe = u
            "Tjipto Mangoenkoesoemo | Cipto Mangunkusumo", // tj = c
            "Jogjakarta         | Yogyakarta",           // j = y
            "Chairul Tanjung    | Khairul Tanjung",      // ch = kh
            "Sjahrir            | Syahrir",              // sj = sy
            "Muhammad Hatta     | Muhamad Hata",         // doubled letters
            "Abdullah           | Abdulah",
            "Nur Aini           | Nuraini",              // a space inside a name
    })
    void spellingsOfTheSameNameHaveTheSameKey(String one, String other) {
        assertThat(IdentityMatch.key(one)).isEqualTo(IdentityMatch.key(other));
        assertThat(IdentityMatch.sameName(one, other)).isTrue();
    }

    @ParameterizedTest(name = "{0} != {1}")
    @CsvSource(delimiter = '|', value = {
            "Joko Susilo   | Joko Santoso",   // another word
            "Joko Susilo   | Joko",           // a missing word
            "Budi Santoso  | Budi Susanto",
            "Siti Rahmawati| Siti Rahmawati Putri",
            "Dewi          | Dewa",
    })
    void otherNamesDoNotMatch(String one, String other) {
        assertThat(IdentityMatch.sameName(one, other)).isFalse();
    }

    @Test
    void emptyOrMissingNamesNeverMatch() {
        assertThat(IdentityMatch.sameName("", "")).isFalse();
        assertThat(IdentityMatch.sameName(null, null)).isFalse();
        assertThat(IdentityMatch.sameName("...", "--")).isFalse();
        assertThat(IdentityMatch.sameName("Joko", null)).isFalse();
    }

    @Test
    void theRegisteredPersonMatchesWhateverTheSpelling() {
        assertThat(IdentityMatch.mismatches(
                new IdentityMatch.Claimed("DJOKO SOESILO", BORN, "Jogjakarta", Sex.MALE), JOKO)).isEmpty();
    }

    @Test
    void eachFieldThatDiffersIsItsOwnError() {
        assertThat(fields(new IdentityMatch.Claimed("Agus Wijaya", BORN, "Yogyakarta", Sex.MALE)))
                .isEqualTo("fullName");
        assertThat(fields(new IdentityMatch.Claimed("Joko Susilo", BORN, "Bandung", Sex.MALE)))
                .isEqualTo("birthPlace");
        assertThat(fields(new IdentityMatch.Claimed("Joko Susilo", BORN, "Yogyakarta", Sex.FEMALE)))
                .isEqualTo("sex");
        assertThat(fields(new IdentityMatch.Claimed("Joko Susilo", BORN.plusDays(1), "Yogyakarta", Sex.MALE)))
                .isEqualTo("birthDate");
        assertThat(IdentityMatch.mismatches(new IdentityMatch.Claimed("Sri Wahyuni", BORN.minusYears(1), "Solo",
                Sex.FEMALE), JOKO)).extracting(FieldError::code).containsExactly(
                        "validation.dukcapil-name-mismatch", "validation.dukcapil-birth-place-mismatch",
                        "validation.dukcapil-sex-mismatch", "validation.dukcapil-birth-date-mismatch");
    }

    @Test
    void aFieldTheRegistryLeftEmptyCannotBeConfirmed() {
        DukcapilRecord partial = new DukcapilRecord(JOKO.nik(), JOKO.fullName(), null, null, null);
        assertThat(fields(new IdentityMatch.Claimed("Joko Susilo", BORN, "Yogyakarta", Sex.MALE)
                )).isEmpty();
        assertThat(IdentityMatch.mismatches(new IdentityMatch.Claimed("Joko Susilo", BORN, "Yogyakarta", Sex.MALE),
                partial)).extracting(FieldError::field).containsExactly("birthPlace", "sex", "birthDate");
    }
}
