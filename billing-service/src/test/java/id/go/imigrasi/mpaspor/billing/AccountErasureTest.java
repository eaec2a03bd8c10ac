package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.billing.service.AccountErasure;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.contracts.account.AccountErased;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.testkit.PersonalDataScan;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 23, erasure: on AccountErased the bills stay (PNBP finance law: code, amounts, payments) but no name of the
 * billed does; BillingDataErased confirms, once per event.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class AccountErasureTest {

    private static final String ERASED = "mpaspor.billing.BillingDataErased.v1";

    @Test
    void theBillsOfAnErasedAccountStayWithoutTheNamesOfTheBilled() {
        String account = UUID.randomUUID().toString();
        String name = "Rahmat Terhapus " + UUID.randomUUID().toString().substring(0, 8);
        String othersName = "Sari Tetap " + UUID.randomUUID().toString().substring(0, 8);
        IssuedBill bill = issue(application(account, applicant(name)));
        IssuedBill othersBill = issue(application(UUID.randomUUID().toString(), applicant(othersName)));
        // BillingIssued is published before the erasure, so its outbox row is among those erased
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM outbox WHERE sent_at IS NULL") == 0);
        assertThat(PersonalDataScan.traces(RealInfrastructure.database(), name)).isNotEmpty();

        String eventId = UUID.randomUUID().toString();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            publish(new AccountErased(account, Instant.now()), eventId);
            var confirmation = probe.await(r -> ERASED.equals(r.value().getType()) && account.equals(r.key()),
                    Duration.ofSeconds(30));
            assertThat(new String(confirmation.value().getData().toBytes(), StandardCharsets.UTF_8))
                    .contains("\"bill_line\":1");

            assertThat(PersonalDataScan.traces(RealInfrastructure.database(), name)).isEmpty();
            assertThat(count("SELECT count(*) FROM bill WHERE billing_code = ? AND amount = ?", bill.billingCode(),
                    bill.amount())).as("the bill itself stays").isEqualTo(1);
            assertThat(count("SELECT count(*) FROM bill_line l JOIN bill b ON b.id = l.bill_id"
                    + " WHERE b.billing_code = ? AND l.applicant_name = ?", bill.billingCode(),
                    AccountErasure.ERASED_NAME)).isEqualTo(1);
            assertThat(count("SELECT count(*) FROM bill_line WHERE applicant_name = ?", othersName)).isEqualTo(1);
            assertThat(othersBill.billingCode()).isNotEqualTo(bill.billingCode());

            // redelivered: confirmed once
            publish(new AccountErased(account, Instant.now()), eventId);
            String marker = UUID.randomUUID().toString();
            publish(new AccountErased(marker, Instant.now()));
            probe.await(r -> ERASED.equals(r.value().getType()) && marker.equals(r.key()), Duration.ofSeconds(30));
            assertThat(probe.seen().stream().filter(r -> ERASED.equals(r.value().getType()) && account.equals(r.key())))
                    .hasSize(1);
        }
    }

    private static SubmittedApplicant applicant(String name) {
        return new SubmittedApplicant(UUID.randomUUID().toString(), name, "3171014101900001", LocalDate.of(1990, 1, 1),
                "ORDINARY", 5, false);
    }
}
