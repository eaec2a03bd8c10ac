package id.go.imigrasi.mpaspor.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class NikTest {

    @Test
    void generatedNiksFollowTheDomainRulesForEveryRunAndIndex() {
        for (int run : new int[] { 0, 1, 83, 84, 12_345, 999_999 }) {
            for (int index = 0; index < 30_000; index += 7) {
                String nik = Nik.of(run, index);
                assertThat(nik).as("run %d index %d", run, index).matches("\\d{16}");
                int province = Integer.parseInt(nik.substring(0, 2));
                assertThat(province).isBetween(11, 94);
                int day = Integer.parseInt(nik.substring(6, 8));
                boolean female = day > 40;
                int month = Integer.parseInt(nik.substring(8, 10));
                int year = Integer.parseInt(nik.substring(10, 12));
                int fullYear = year >= 70 ? 1900 + year : 2000 + year;
                // a real calendar date (throws otherwise), women +40 on the day
                LocalDate.of(fullYear, month, female ? day - 40 : day);
                assertThat(female).isEqualTo((index & 1) == 1);
                assertThat(Integer.parseInt(nik.substring(12))).isBetween(1, 9_999);
            }
        }
    }

    @Test
    void niksOfOneRunAreUnique() {
        Set<String> seen = new HashSet<>();
        for (int index = 0; index < 200_000; index++) {
            assertThat(seen.add(Nik.of(42, index))).as("index %d", index).isTrue();
        }
        // across the whole promised range too: same serial, different birth date
        assertThat(Nik.of(42, 5)).isNotEqualTo(Nik.of(42, 5 + 9_999 * 9_999));
    }

    @Test
    void theBirthDateAndSexCanBeReadBackForTheApplicantForm() {
        for (int index = 0; index < 50_000; index += 13) {
            String nik = Nik.of(7, index);
            LocalDate birth = Nik.birthDate(nik);
            boolean female = Nik.female(nik);
            int day = birth.getDayOfMonth() + (female ? 40 : 0);
            assertThat(nik.substring(6, 12)).isEqualTo(String.format("%02d%02d%02d", day, birth.getMonthValue(),
                    birth.getYear() % 100));
            assertThat(female).isEqualTo((index & 1) == 1);
            assertThat(birth.getYear()).isBetween(1970, 1997);
        }
    }

    @Test
    void anIndexOutsideTheUniqueRangeIsRefused() {
        assertThatThrownBy(() -> Nik.of(1, Nik.CAPACITY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Nik.of(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
