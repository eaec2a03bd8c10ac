package id.go.imigrasi.mpaspor.application.dukcapil;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import id.go.imigrasi.mpaspor.application.domain.Applicant;
import id.go.imigrasi.mpaspor.application.domain.Sex;
import id.go.imigrasi.mpaspor.platform.problem.FieldError;

/**
 * The rule that decides whether an applicant as entered is the person Dukcapil registered under the NIK. The
 * NIK itself encodes the birth date and sex, so knowing a NIK proves nothing: name, birth place, sex and birth
 * date must all agree with the registry, each mismatch its own field error.
 *
 * <p>Names and places are compared by a key ({@link #key(String)}) that forgives what differs between an e-KTP and
 * what people type: case, spaces, punctuation, diacritics, the old Indonesian spellings (van Ophuijsen and
 * Soewandi: {@code oe}/{@code u}, {@code dj}/{@code j}, {@code tj}/{@code c}, {@code j}/{@code y}, {@code ch}/{@code
 * kh}, {@code sj}/{@code sy}) and doubled letters ({@code Muhammad}/{@code Muhamad}). It does not forgive another
 * word, a missing word, or abbreviations ({@code Moh.} for {@code Mohammad}): those are corrected by the applicant
 * to match the e-KTP. A field the registry left empty cannot be confirmed and does not match.
 */
public final class IdentityMatch {

    /** The identity an applicant entered. */
    public record Claimed(String fullName, LocalDate birthDate, String birthPlace, Sex sex) {

        public static Claimed by(Applicant a) {
            return new Claimed(a.fullName, a.birthDate, a.birthPlace, a.sex);
        }
    }

    private IdentityMatch() {
    }

    /** Every field that does not agree with the registry's record; empty when the applicant is that person. */
    public static List<FieldError> mismatches(Claimed claimed, DukcapilRecord registered) {
        List<FieldError> errors = new ArrayList<>();
        if (!sameName(claimed.fullName(), registered.fullName())) {
            errors.add(FieldError.of("fullName", "validation.dukcapil-name-mismatch"));
        }
        if (!sameName(claimed.birthPlace(), registered.birthPlace())) {
            errors.add(FieldError.of("birthPlace", "validation.dukcapil-birth-place-mismatch"));
        }
        if (claimed.sex() == null || !claimed.sex().name().equalsIgnoreCase(Objects.toString(registered.sex(), "").trim())) {
            errors.add(FieldError.of("sex", "validation.dukcapil-sex-mismatch"));
        }
        if (claimed.birthDate() == null || !claimed.birthDate().equals(registered.birthDate())) {
            errors.add(FieldError.of("birthDate", "validation.dukcapil-birth-date-mismatch"));
        }
        return errors;
    }

    /** Two names (or places) are the same when their keys are equal and not empty. */
    public static boolean sameName(String entered, String registered) {
        String a = key(entered);
        return !a.isEmpty() && a.equals(key(registered));
    }

    /**
     * The comparison key of a name: letters and digits only, without diacritics, lower case, old spellings mapped
     * to one form, runs of the same letter collapsed. {@code "Djoko Soesilo"}, {@code "JOKO SUSILO"} and {@code
     * "Joko  Susilo."} all give {@code "yokosusilo"}.
     */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        // NFKD splits accented letters (é -> e + U+0301) and compatibility forms (ﬁ -> fi); the marks are dropped
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder letters = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                letters.append(c);
            } // spaces, punctuation (. , ' ’ - `), combining marks and anything else: ignored
        }
        String k = letters.toString()
                .replace("oe", "u")   // Soekarno = Sukarno
                .replace("tj", "c")   // Tjipto = Cipto
                .replace("dj", "j")   // Djoko = Joko (then j -> y below, as for every j)
                .replace("ch", "kh")  // Chairul = Khairul
                .replace('j', 'y');   // Jogja = Yogya; sj = sy follows
        StringBuilder collapsed = new StringBuilder(k.length());
        for (int i = 0; i < k.length(); i++) {
            if (i == 0 || k.charAt(i) != k.charAt(i - 1)) {
                collapsed.append(k.charAt(i));
            }
        }
        return collapsed.toString();
    }
}
