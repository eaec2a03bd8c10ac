package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The NIK rules of DOMAIN.md, each broken on its own. */
class NikTest {

    private static List<String> codes(String nik, LocalDate born, Sex sex) {
        return Nik.check(nik, born, sex).stream().map(v -> v.field() + ":" + v.code()).toList();
    }

    @Test
    void aConsistentNikPassesForMenAndForWomenWhoseDayHasFortyAdded() {
        assertThat(Nik.check("3171010101900002", LocalDate.of(1990, 1, 1), Sex.MALE)).isEmpty();
        assertThat(Nik.check("3171014101900001", LocalDate.of(1990, 1, 1), Sex.FEMALE)).isEmpty();
        assertThat(Nik.check("3578016703180006", LocalDate.of(2018, 3, 27), Sex.FEMALE)).isEmpty();
        assertThat(Nik.check("9471017112990001", LocalDate.of(1999, 12, 31), Sex.FEMALE)).isEmpty();
    }

    @Test
    void formatMustBeSixteenDigitsAndStopsFurtherChecks() {
        assertThat(codes("317101010190000", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("nik:validation.nik-format");
        assertThat(codes("31710101019000021", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("nik:validation.nik-format");
        assertThat(codes("3171O10101900002", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("nik:validation.nik-format");
        assertThat(codes(null, LocalDate.of(1990, 1, 1), Sex.MALE)).containsExactly("nik:validation.nik-format");
    }

    @Test
    void provinceMustBeARealProvinceCode() {
        for (String province : List.of("00", "10", "20", "30", "41", "95", "99")) {
            assertThat(codes(province + "71010101900002", LocalDate.of(1990, 1, 1), Sex.MALE))
                    .as(province).containsExactly("nik:validation.nik-province");
        }
        for (String province : List.of("11", "31", "36", "51", "64", "94")) {
            assertThat(Nik.check(province + "71010101900002", LocalDate.of(1990, 1, 1), Sex.MALE)).as(province).isEmpty();
        }
    }

    @Test
    void regencyDistrictAndSerialMustNotBeZero() {
        assertThat(codes("3100010101900002", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("nik:validation.nik-region");
        assertThat(codes("3171010101900000", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("nik:validation.nik-serial");
    }

    @Test
    void theEncodedDateMustExist() {
        assertThat(codes("3171013202900001", LocalDate.of(1990, 2, 1), Sex.MALE)).contains("nik:validation.nik-date");
        assertThat(codes("3171013002900001", LocalDate.of(1990, 2, 28), Sex.MALE)).contains("nik:validation.nik-date");
        assertThat(codes("3171010113900001", LocalDate.of(1990, 1, 1), Sex.MALE)).contains("nik:validation.nik-date");
        assertThat(codes("3171017201900001", LocalDate.of(1990, 1, 1), Sex.FEMALE)).contains("nik:validation.nik-date");
        // 29 February exists in leap years (2000, 1996) only
        assertThat(Nik.check("3171012902000001", LocalDate.of(2000, 2, 29), Sex.MALE)).isEmpty();
        assertThat(codes("3171012902010001", LocalDate.of(2001, 3, 1), Sex.MALE)).contains("nik:validation.nik-date");
    }

    @Test
    void birthDateAndSexMustAgreeWithTheNikEachAsItsOwnFieldError() {
        assertThat(codes("3171010101900002", LocalDate.of(1990, 1, 2), Sex.MALE))
                .containsExactly("birthDate:validation.nik-birth-date-mismatch");
        assertThat(codes("3171010101900002", LocalDate.of(1990, 2, 1), Sex.MALE))
                .containsExactly("birthDate:validation.nik-birth-date-mismatch");
        assertThat(codes("3171010101900002", LocalDate.of(1991, 1, 1), Sex.MALE))
                .containsExactly("birthDate:validation.nik-birth-date-mismatch");
        assertThat(codes("3171010101900002", LocalDate.of(1990, 1, 1), Sex.FEMALE))
                .containsExactly("sex:validation.nik-sex-mismatch");
        assertThat(codes("3171014101900001", LocalDate.of(1990, 1, 1), Sex.MALE))
                .containsExactly("sex:validation.nik-sex-mismatch");
        assertThat(codes("3171014101900001", LocalDate.of(1991, 1, 1), Sex.MALE))
                .containsExactlyInAnyOrder("birthDate:validation.nik-birth-date-mismatch", "sex:validation.nik-sex-mismatch");
    }
}
