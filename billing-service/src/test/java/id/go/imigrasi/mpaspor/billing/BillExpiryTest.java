package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.channel;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.pastDeadline;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.testkit.AtOnce;
import id.go.imigrasi.mpaspor.billing.service.BillExpiry;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator.Answer;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Unpaid bills expire exactly once, whatever the number of instances running the job, and a payment after the
 * deadline is recorded for refund without reviving the booking. (The scheduler is off in tests; the job is run
 * here explicitly, twice at once, as two instances would.)
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class BillExpiryTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    BillExpiry expiry;

    private static boolean isEvent(ConsumerRecord<String, CloudEvent> r, String name, String billingCode) {
        return r.value().getType().equals("mpaspor.billing." + name + ".v1")
                && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(billingCode);
    }

    private static IssuedBill newBill() {
        return issue(application(newId("acc"), adult("Wahyu Pratama", "ELECTRONIC", 5, false)));
    }

    /** Two runs of the job at the same moment, each in its own transaction, as on two instances. */
    private List<Integer> runTwoInstancesAtOnce() throws Exception {
        return AtOnce.twice(() -> VertxContextSupport.subscribeAndAwait(() -> expiry.expireAllDue()));
    }

    private void runOnce() throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(() -> expiry.expireAllDue());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void expiryPublishesExactlyOneBillingExpiredPerBillWithTwoInstancesRacing() throws Exception {
        List<IssuedBill> due = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            IssuedBill bill = newBill();
            pastDeadline(bill.billingCode());
            due.add(bill);
        }
        IssuedBill notYetDue = newBill();

        List<Integer> claimed = runTwoInstancesAtOnce();
        List<Integer> again = runTwoInstancesAtOnce();

        assertThat(claimed.stream().mapToInt(Integer::intValue).sum()).as("claimed by the two runs: %s", claimed)
                .isGreaterThanOrEqualTo(due.size());
        assertThat(again).as("nothing left to expire").containsOnly(0);
        for (IssuedBill bill : due) {
            assertThat(status(bill.billingCode())).isEqualTo("EXPIRED");
            assertThat(outboxEvents(bill.applicationId(), "BillingExpired")).isEqualTo(1);
        }
        assertThat(status(notYetDue.billingCode())).isEqualTo("ISSUED");
        assertThat(outboxEvents(notYetDue.applicationId(), "BillingExpired")).isZero();

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            for (IssuedBill bill : due) {
                var expired = probe.await(r -> isEvent(r, "BillingExpired", bill.billingCode()), Duration.ofSeconds(30));
                assertThat(expired.key()).isEqualTo(bill.applicationId());
                JsonNode data = JSON.readTree(expired.value().getData().toBytes());
                assertThat(data.get("holdId").asText()).isEqualTo("hold-" + bill.applicationId());
            }
            assertThat(probe.readFor(Duration.ofSeconds(2), r -> due.stream()
                    .anyMatch(b -> isEvent(r, "BillingExpired", b.billingCode())))).hasSize(due.size());
        }
    }

    @Test
    void latePaymentAfterExpiryIsRecordedFlaggedForRefundAndNeverRevivesTheBooking() throws Exception {
        IssuedBill bill = newBill();
        pastDeadline(bill.billingCode());
        runOnce();
        assertThat(status(bill.billingCode())).isEqualTo("EXPIRED");

        String reference = newId("MKT");
        Answer late = channel("marketplace").pay(bill.billingCode(), 650_000, reference);

        assertThat(late.status()).as(late.body()).isEqualTo(200);
        JsonNode receipt = JSON.readTree(late.body());
        assertThat(receipt.get("status").asText()).isEqualTo("REFUND_REQUIRED");
        assertThat(receipt.get("refundReason").asText()).isEqualTo("LATE");
        assertThat(receipt.get("ntpn").asText()).hasSize(16);
        assertThat(status(bill.billingCode())).as("not applied").isEqualTo("EXPIRED");
        assertThat(count("SELECT count(*) FROM payment WHERE billing_code = ? AND outcome = 'REFUND_REQUIRED' "
                + "AND refund_reason = 'LATE'", bill.billingCode())).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isZero();
        assertThat(outboxEvents(bill.applicationId(), "BillingExpired")).isEqualTo(1);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var event = probe.await(r -> isEvent(r, "LatePaymentReceived", bill.billingCode()), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(event.value().getData().toBytes());
            assertThat(data.get("channel").asText()).isEqualTo("marketplace");
            assertThat(data.get("channelReference").asText()).isEqualTo(reference);
            assertThat(data.get("amount").asLong()).isEqualTo(650_000);
            assertThat(probe.readFor(Duration.ofSeconds(1), r -> isEvent(r, "BillingPaid", bill.billingCode())))
                    .isEmpty();
        }
        // the channel retries: same answer, nothing new
        Answer retry = channel("marketplace").pay(bill.billingCode(), 650_000, reference, Instant.parse(
                receipt.get("paidAt").asText()));
        assertThat(retry.body()).isEqualTo(late.body());
        assertThat(outboxEvents(bill.applicationId(), "LatePaymentReceived")).isEqualTo(1);
    }

    @Test
    void paymentAfterTheDeadlineBeforeTheJobCameByExpiresTheBillOnceAndIsFlagged() throws Exception {
        IssuedBill bill = newBill();
        pastDeadline(bill.billingCode());

        Answer late = channel("alfamart").pay(bill.billingCode(), 650_000, newId("ALF"));
        runOnce();

        assertThat(late.status()).isEqualTo(200);
        assertThat(JSON.readTree(late.body()).get("status").asText()).isEqualTo("REFUND_REQUIRED");
        assertThat(status(bill.billingCode())).isEqualTo("EXPIRED");
        assertThat(outboxEvents(bill.applicationId(), "BillingExpired")).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "LatePaymentReceived")).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isZero();
    }

    @Test
    void paidBillNeverExpires() throws Exception {
        IssuedBill bill = newBill();
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);
        pastDeadline(bill.billingCode());

        runOnce();

        assertThat(status(bill.billingCode())).isEqualTo("PAID");
        assertThat(outboxEvents(bill.applicationId(), "BillingExpired")).isZero();
    }
}
