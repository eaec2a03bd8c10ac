package id.go.imigrasi.mpaspor.billing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;

/** The fee rule of PP 45/2024 with the default tariff (the same values as application.properties). */
class TariffTest {

    private static final Instant SUBMITTED = Instant.parse("2026-11-21T03:00:00Z");
    private final Tariff tariff = new Tariff(Map.of("ordinary-5", 350_000L, "ordinary-10", 650_000L,
            "electronic-5", 650_000L, "electronic-10", 950_000L), 1_000_000L, 17, 5, ZoneId.of("Asia/Jakarta"));

    private static SubmittedApplicant applicant(String kind, int years, boolean sameDay, LocalDate born) {
        return new SubmittedApplicant("a1", "Siti Rahmawati", "3171014101900001", born, kind, years, sameDay);
    }

    @ParameterizedTest(name = "{0} {1} years, same day {2}: Rp {3}")
    @CsvSource({
            "ORDINARY, 5, false, 350000",
            "ORDINARY, 10, false, 650000",
            "ELECTRONIC, 5, false, 650000",
            "ELECTRONIC, 10, false, 950000",
            "ORDINARY, 5, true, 1350000",
            "ORDINARY, 10, true, 1650000",
            "ELECTRONIC, 5, true, 1650000",
            "ELECTRONIC, 10, true, 1950000" })
    void feeDependsOnPassportKindValidityAndSameDayService(String kind, int years, boolean sameDay, long expected) {
        List<Tariff.Line> lines = tariff.linesFor(List.of(applicant(kind, years, sameDay, LocalDate.of(1990, 1, 1))),
                SUBMITTED);
        assertThat(Tariff.total(lines)).isEqualTo(expected);
        assertThat(lines).hasSize(sameDay ? 2 : 1);
        assertThat(lines.get(0).item()).isEqualTo("PASSPORT_" + kind + "_" + years + "Y");
        if (sameDay) {
            assertThat(lines.get(1).item()).isEqualTo("SAME_DAY_SERVICE");
            assertThat(lines.get(1).amount()).isEqualTo(1_000_000L);
        }
    }

    @Test
    void theSurchargeFollowsTheBookedLineNotTheApplicantsWord() {
        SubmittedApplicant asked = applicant("ORDINARY", 5, true, LocalDate.of(1990, 1, 1));
        SubmittedApplicant didNotAsk = applicant("ORDINARY", 5, false, LocalDate.of(1990, 1, 1));
        // a SAME_DAY booking: every applicant pays the surcharge
        assertThat(tariff.linesFor(List.of(didNotAsk), SUBMITTED, "SAME_DAY")).extracting(Tariff.Line::item)
                .containsExactly("PASSPORT_ORDINARY_5Y", "SAME_DAY_SERVICE");
        // a REGULAR booking: nobody does, whatever the questionnaire said
        assertThat(tariff.linesFor(List.of(asked), SUBMITTED, "REGULAR")).extracting(Tariff.Line::item)
                .containsExactly("PASSPORT_ORDINARY_5Y");
        // an event from before the line travelled with it: the applicant's own choice
        assertThat(Tariff.total(tariff.linesFor(List.of(asked), SUBMITTED, null))).isEqualTo(1_350_000L);
    }

    @Test
    void familyBillHasALinePerFeeAndSumsEveryApplicant() {
        List<Tariff.Line> lines = tariff.linesFor(List.of(
                applicant("ORDINARY", 5, true, LocalDate.of(1985, 5, 5)),
                applicant("ELECTRONIC", 10, false, LocalDate.of(1987, 7, 7)),
                applicant("ELECTRONIC", 5, false, LocalDate.of(2015, 1, 1))), SUBMITTED);
        assertThat(lines).extracting(Tariff.Line::amount).containsExactly(350_000L, 1_000_000L, 950_000L, 650_000L);
        assertThat(Tariff.total(lines)).isEqualTo(2_950_000L);
    }

    @Test
    void kindIsReadCaseInsensitively() {
        assertThat(Tariff.total(tariff.linesFor(List.of(applicant("electronic", 10, false, null)), SUBMITTED)))
                .isEqualTo(950_000L);
    }

    @Test
    void minorIsRefusedTenYearsValidity() {
        assertThatThrownBy(() -> tariff.linesFor(List.of(applicant("ORDINARY", 10, false, LocalDate.of(2012, 1, 1))),
                SUBMITTED)).isInstanceOf(Tariff.UnpriceableApplicant.class).hasMessageContaining("minor");
        // seventeen on the day of submission (WIB) is an adult
        assertThat(Tariff.total(tariff.linesFor(List.of(applicant("ORDINARY", 10, false, LocalDate.of(2009, 11, 21))),
                SUBMITTED))).isEqualTo(650_000L);
    }

    @Test
    void unknownKindOrValidityIsNeverGuessed() {
        assertThatThrownBy(() -> tariff.linesFor(List.of(applicant("DIPLOMATIC", 5, false, null)), SUBMITTED))
                .isInstanceOf(Tariff.UnpriceableApplicant.class);
        assertThatThrownBy(() -> tariff.linesFor(List.of(applicant("ORDINARY", 7, false, null)), SUBMITTED))
                .isInstanceOf(Tariff.UnpriceableApplicant.class);
        assertThatThrownBy(() -> tariff.linesFor(List.of(), SUBMITTED)).isInstanceOf(Tariff.UnpriceableApplicant.class);
    }
}
