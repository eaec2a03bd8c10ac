package id.go.imigrasi.mpaspor.application.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** What billing-service's events do to the application's bill (FollowBilling asks the aggregate), in any order. */
class ApplicationBillTest {

    private static final Instant DEADLINE = Instant.parse("2030-01-01T05:00:00Z");
    private static final Instant PAID_AT = Instant.parse("2030-01-01T04:00:00Z");

    @Test
    void anIssuedBillIsToBePaidAndTheApplicantIsToldSo() {
        Application app = new Application();
        assertThat(app.billingIssued("812345678901234", 650_000, DEADLINE)).isTrue();
        assertThat(app.billingStatus).isEqualTo("ISSUED");
        assertThat(app.billingAmount).isEqualTo(650_000);
        assertThat(app.billingExpiresAt).isEqualTo(DEADLINE);
    }

    @Test
    void aPaymentReportedBeforeTheBillKeepsItPaidAndNobodyIsAskedToPay() {
        Application app = new Application();
        app.billingPaid("812345678901234", PAID_AT);
        assertThat(app.billingIssued("812345678901234", 650_000, DEADLINE)).isFalse();
        assertThat(app.billingStatus).isEqualTo("PAID");
        assertThat(app.billingPaidAt).isEqualTo(PAID_AT);
        assertThat(app.billingExpiresAt).as("the deadline is still shown").isEqualTo(DEADLINE);
    }

    @Test
    void expiryEndsAnUnpaidBillButNotAPaidOne() {
        Application unpaid = new Application();
        unpaid.billingIssued("899999999999990", 350_000, DEADLINE);
        assertThat(unpaid.billingExpired()).isTrue();
        assertThat(unpaid.billingStatus).isEqualTo("EXPIRED");

        Application paid = new Application();
        paid.billingIssued("899999999999991", 350_000, DEADLINE);
        paid.billingPaid("899999999999991", PAID_AT);
        assertThat(paid.billingExpired()).isFalse();
        assertThat(paid.billingStatus).isEqualTo("PAID");
    }
}
