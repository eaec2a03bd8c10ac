package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.channel;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.publish;
import static org.awaitility.Awaitility.await;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.secret;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.status;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator.Answer;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Payment channels call back through real HTTP with the simulator: signed, checked, recorded exactly once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class PaymentCallbackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A bill of Rp 650.000 (ordinary passport, 10 years). */
    private static IssuedBill newBill() {
        return issue(application(newId("acc"), adult("Andi Wijaya", "ORDINARY", 10, false)));
    }

    private static JsonNode json(Answer answer) throws Exception {
        return JSON.readTree(answer.body());
    }

    private static boolean isEvent(org.apache.kafka.clients.consumer.ConsumerRecord<String, CloudEvent> r, String name,
            String billingCode) {
        return r.value().getType().equals("mpaspor.billing." + name + ".v1")
                && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(billingCode);
    }

    @Test
    void paymentInTimeMarksTheBillPaidWithAnNtpnAndPublishesBillingPaid() throws Exception {
        IssuedBill bill = newBill();
        String reference = newId("ATM");
        Answer answer = channel("atm").pay(bill.billingCode(), 650_000, reference);

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode receipt = json(answer);
        assertThat(receipt.get("status").asText()).isEqualTo("PAID");
        assertThat(receipt.get("billingCode").asText()).isEqualTo(bill.billingCode());
        assertThat(receipt.get("channel").asText()).isEqualTo("atm");
        assertThat(receipt.get("channelReference").asText()).isEqualTo(reference);
        String ntpn = receipt.get("ntpn").asText();
        assertThat(ntpn).matches("[0-9A-Z]{16}");
        assertThat(answer.replayed()).isFalse();

        assertThat(status(bill.billingCode())).isEqualTo("PAID");
        given().auth().oauth2(TestJwt.applicant(bill.accountId())).when().get("/bills/{code}", bill.billingCode())
                .then().statusCode(200).body("status", equalTo("PAID"))
                .body("payments", hasSize(1)).body("payments[0].ntpn", equalTo(ntpn));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var paid = probe.await(r -> isEvent(r, "BillingPaid", bill.billingCode()), Duration.ofSeconds(30));
            JsonNode data = JSON.readTree(paid.value().getData().toBytes());
            assertThat(paid.key()).isEqualTo(bill.applicationId());
            assertThat(data.get("amount").asLong()).isEqualTo(650_000);
            assertThat(data.get("channel").asText()).isEqualTo("atm");
            assertThat(data.get("ntpn").asText()).isEqualTo(ntpn);
        }
    }

    @Test
    void sameCallbackTenTimesConcurrentlyRecordsOnePaymentAndAnswersTheSame() throws Exception {
        IssuedBill bill = newBill();
        String body = PaymentChannelSimulator.body(bill.billingCode(), 650_000, newId("IDM"), Instant.now());

        List<Answer> answers = channel("indomaret").sendConcurrently(body, 10);

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers.stream().map(Answer::body).distinct()).as("one and the same answer").hasSize(1);
        assertThat(json(answers.get(0)).get("status").asText()).isEqualTo("PAID");
        assertThat(answers.stream().filter(a -> !a.replayed()).count()).as("one recorded, nine replays").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM payment WHERE billing_code = ?", bill.billingCode())).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isEqualTo(1);

        // and later, once more: still the same answer, still one payment
        Answer again = channel("indomaret").send(body, Instant.now());
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(answers.get(0).body());
        assertThat(again.replayed()).isTrue();
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            probe.await(r -> isEvent(r, "BillingPaid", bill.billingCode()), Duration.ofSeconds(30));
            assertThat(probe.readFor(Duration.ofSeconds(2), r -> isEvent(r, "BillingPaid", bill.billingCode())))
                    .hasSize(1);
        }
    }

    @Test
    void forgedOrStaleOrWrongCallbacksAreRefusedAndChangeNothing() throws Exception {
        IssuedBill bill = newBill();
        String code = bill.billingCode();
        PaymentChannelSimulator teller = channel("bank-teller");
        String body = PaymentChannelSimulator.body(code, 650_000, newId("TLR"), Instant.now());
        String now = Long.toString(Instant.now().getEpochSecond());

        // forged signature
        assertRefused(teller.sendRaw(body, now, "ab".repeat(32)), 401, "callback-signature-invalid");
        // missing signature, missing timestamp
        assertRefused(teller.sendRaw(body, now, null), 401, "callback-signature-invalid");
        assertRefused(teller.sendRaw(body, null, PaymentChannelSimulator.sign(secret("bank-teller"), now, body)), 401,
                "callback-timestamp-out-of-window");
        // signed with another channel's secret
        assertRefused(channel("bank-teller", secret("alfamart")).send(body, Instant.now()), 401,
                "callback-signature-invalid");
        // body altered after signing (amount, then code)
        String signature = PaymentChannelSimulator.sign(secret("bank-teller"), now, body);
        assertRefused(teller.sendRaw(body.replace("650000", "65000"), now, signature), 401, "callback-signature-invalid");
        assertRefused(teller.sendRaw(body.replace(" ", "") + " ", now, signature), 401, "callback-signature-invalid");
        // a genuine signature with an old (replayed) or far-future timestamp
        assertRefused(teller.send(body, Instant.now().minus(Duration.ofMinutes(6))), 401,
                "callback-timestamp-out-of-window");
        assertRefused(teller.send(body, Instant.now().plus(Duration.ofMinutes(6))), 401,
                "callback-timestamp-out-of-window");
        // authentic, but the wrong amount, an unknown code, a code with a wrong check digit
        Answer wrongAmount = teller.pay(code, 649_999, newId("TLR"));
        assertRefused(wrongAmount, 422, "amount-mismatch");
        assertRefused(teller.pay(code, 650_001, newId("TLR")), 422, "amount-mismatch");
        assertRefused(teller.pay(BillingCode.of(8, 9_999_999_999_000L), 650_000, newId("TLR")), 422,
                "unknown-billing-code");
        String typo = code.substring(0, 14) + (char) ('0' + (code.charAt(14) - '0' + 1) % 10);
        Answer badCheckDigit = teller.pay(typo, 650_000, newId("TLR"));
        assertRefused(badCheckDigit, 400, "validation");
        assertThat(json(badCheckDigit).get("errors").get(0).get("field").asText()).isEqualTo("billingCode");
        // authentic, but not a valid request
        Answer fractional = teller.send(body.replace("650000", "650000.5"), Instant.now());
        assertRefused(fractional, 400, "validation");
        assertThat(json(fractional).get("errors").get(0).get("field").asText()).isEqualTo("amount");
        Answer noReference = teller.send("{\"billingCode\":\"" + code + "\",\"amount\":650000,\"paidAt\":\""
                + Instant.now() + "\"}", Instant.now());
        assertRefused(noReference, 400, "validation");
        assertThat(json(noReference).get("errors").get(0).get("field").asText()).isEqualTo("channelReference");
        assertRefused(teller.send("{\"billingCode\": ", Instant.now()), 400, "malformed-request");
        assertRefused(teller.send("null", Instant.now()), 400, "malformed-request");
        assertRefused(teller.send("[]", Instant.now()), 400, "malformed-request");
        Answer beforeIssue = teller.pay(code, 650_000, newId("TLR"), Instant.now().minus(Duration.ofDays(3)));
        assertRefused(beforeIssue, 400, "validation");
        assertThat(json(beforeIssue).get("errors").get(0).get("field").asText()).isEqualTo("paidAt");
        assertRefused(teller.pay(code, 650_000, newId("TLR"), Instant.now().plus(Duration.ofHours(1))), 400,
                "validation");
        // a channel that does not exist
        assertRefused(channel("bitcoin", "x".repeat(40)).send(body, Instant.now()), 404, "unknown-payment-channel");

        assertThat(status(code)).isEqualTo("ISSUED");
        assertThat(count("SELECT count(*) FROM payment WHERE billing_code = ?", code)).isZero();
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isZero();
        assertThat(outboxEvents(bill.applicationId(), "LatePaymentReceived")).isZero();

        // and the genuine callback still goes through afterwards
        assertThat(teller.send(body, Instant.now()).status()).isEqualTo(200);
        assertThat(status(code)).isEqualTo("PAID");
    }

    private static void assertRefused(Answer answer, int status, String problem) throws Exception {
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(json(answer).get("type").asText()).isEqualTo("https://mpaspor.imigrasi.go.id/problems/" + problem);
    }

    @Test
    void referenceReusedForAnotherBillIsAConflictAndChangesNothing() throws Exception {
        IssuedBill first = newBill();
        IssuedBill second = newBill();
        String reference = newId("ALF");
        assertThat(channel("alfamart").pay(first.billingCode(), 650_000, reference).status()).isEqualTo(200);

        assertRefused(channel("alfamart").pay(second.billingCode(), 650_000, reference), 409,
                "channel-reference-conflict");
        assertThat(status(second.billingCode())).isEqualTo("ISSUED");
        assertThat(count("SELECT count(*) FROM payment WHERE billing_code = ?", second.billingCode())).isZero();
    }

    @Test
    void secondPaymentOfAPaidBillIsRecordedForRefundAndPublishesNoSecondBillingPaid() throws Exception {
        IssuedBill bill = newBill();
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);

        Answer twice = channel("internet-banking").pay(bill.billingCode(), 650_000, newId("IB"));
        assertThat(twice.status()).isEqualTo(200);
        assertThat(json(twice).get("status").asText()).isEqualTo("REFUND_REQUIRED");
        assertThat(json(twice).get("refundReason").asText()).isEqualTo("ALREADY_PAID");
        assertThat(count("SELECT count(*) FROM payment WHERE billing_code = ? AND outcome = 'APPLIED'",
                bill.billingCode())).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isEqualTo(1);
    }

    @Test
    void cancelledApplicationsBillTakesNoPaymentAndNeverExpires() throws Exception {
        IssuedBill bill = newBill();
        publish(new ApplicationCancelled(bill.applicationId(), bill.accountId(), "hold-" + bill.applicationId(),
                "applicant withdrew", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(bill.billingCode())));

        Answer paid = channel("atm").pay(bill.billingCode(), 650_000, newId("ATM"));
        assertThat(paid.status()).isEqualTo(200);
        assertThat(json(paid).get("status").asText()).isEqualTo("REFUND_REQUIRED");
        assertThat(json(paid).get("refundReason").asText()).isEqualTo("CANCELLED");
        assertThat(status(bill.billingCode())).isEqualTo("CANCELLED");
        assertThat(outboxEvents(bill.applicationId(), "BillingPaid")).isZero();
        assertThat(outboxEvents(bill.applicationId(), "BillingExpired")).isZero();
    }

    @Test
    void reconciliationCountsPaymentsDuplicatesAndDoublePaymentsPerChannelAndDay() {
        // post-office is used by no other test: its figures are this test's alone
        IssuedBill a = newBill();
        IssuedBill b = newBill();
        PaymentChannelSimulator pos = channel("post-office");
        String body = PaymentChannelSimulator.body(a.billingCode(), 650_000, newId("POS"), Instant.now());
        assertThat(pos.send(body, Instant.now()).status()).isEqualTo(200);
        assertThat(pos.send(body, Instant.now()).replayed()).isTrue();
        assertThat(pos.pay(b.billingCode(), 650_000, newId("POS")).status()).isEqualTo(200);
        assertThat(pos.pay(b.billingCode(), 650_000, newId("POS")).status()).isEqualTo(200); // paid twice

        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        Supplier<io.restassured.specification.RequestSpecification> admin = () -> given()
                .auth().oauth2(TestJwt.admin(newId("ops")));
        admin.get().queryParam("date", today).queryParam("channel", "post-office")
                .when().get("/reconciliation").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].channel", equalTo("post-office"))
                .body("[0].channelName", equalTo("Kantor Pos Indonesia"))
                .body("[0].payments", equalTo(2))
                .body("[0].amount", equalTo(1_300_000))
                .body("[0].duplicatesRefused", equalTo(1))
                .body("[0].alreadyPaidPayments", equalTo(1))
                .body("[0].alreadyPaidAmount", equalTo(650_000))
                .body("[0].latePayments", equalTo(0))
                .body("[0].refundsRequired", equalTo(1))
                .body("[0].refundAmount", equalTo(650_000));
        admin.get().queryParam("date", today).when().get("/reconciliation").then().statusCode(200).body("$", hasSize(7));
        admin.get().queryParam("date", "21-11-2026").when().get("/reconciliation").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        given().auth().oauth2(TestJwt.applicant(newId("acc"))).queryParam("date", today)
                .when().get("/reconciliation").then().statusCode(403).contentType("application/problem+json");
    }
}
