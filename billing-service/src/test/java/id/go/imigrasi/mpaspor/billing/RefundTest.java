package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.pastDeadline;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.publish;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.rows;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.status;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.update;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.billing.service.RefundPayouts;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.billing.support.RefundDeskResource;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator;
import id.go.imigrasi.mpaspor.simulators.payment.PaymentChannelSimulator.RefundDesk;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * Money after the fact: every payment billing cannot keep gets one refund case, finance approves or rejects it,
 * the payout job pays it back through the channel's refund desk (the simulator, over real HTTP) exactly once, the
 * applicant sees their own cases, and the day's refund report adds up.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
@WithTestResource(value = RefundDeskResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class RefundTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FINANCE = "finance-" + UUID.randomUUID();

    @Inject
    RefundPayouts payouts;

    @AfterEach
    void deskBackUp() {
        desk().failure(RefundDesk.FailureMode.NONE);
    }

    private static RefundDesk desk() {
        return RefundDeskResource.desk();
    }

    /** A channel whose refund desk knows every payment the service accepted from it. */
    private static PaymentChannelSimulator channel(String name) {
        return BillingFixtures.channel(name).reportingTo(desk());
    }

    /** A bill of Rp 650.000 (ordinary passport, 10 years), appointment in 7 days. */
    private static IssuedBill newBill() {
        return issue(application(newId("acc"), adult("Siti Rahma", "ORDINARY", 10, false)));
    }

    private static RequestSpecification finance() {
        return given().auth().oauth2(TestJwt.admin(FINANCE));
    }

    private static List<Map<String, Object>> cases(String billingCode) {
        return rows("SELECT id::text AS id, state, reason, amount, decided_by, decided_at, rejection_reason, "
                + "refund_reference, attempts, last_error FROM refund_case WHERE billing_code = ?", billingCode);
    }

    private static String caseId(String billingCode) {
        return (String) cases(billingCode).get(0).get("id");
    }

    private static String caseState(String billingCode) {
        return (String) cases(billingCode).get(0).get("state");
    }

    private static boolean isEvent(ConsumerRecord<String, CloudEvent> r, String name, String billingCode) {
        return r.value().getType().equals("mpaspor.billing." + name + ".v1")
                && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(billingCode);
    }

    private int payDue() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> payouts.payDue());
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private static ValidatableResponse approve(String id) {
        return finance().when().post("/reconciliation/refunds/{id}/approve", id).then();
    }

    @Test
    void latePaymentOpensOneCaseAndIsPaidBackOnceAfterApproval() throws Exception {
        IssuedBill bill = newBill();
        pastDeadline(bill.billingCode());
        String reference = newId("ATM");
        String body = PaymentChannelSimulator.body(bill.billingCode(), 650_000, reference, Instant.now());
        PaymentChannelSimulator atm = channel("atm");
        assertThat(atm.send(body, Instant.now()).status()).isEqualTo(200);
        // the channel retries the callback: a replay, no second case
        assertThat(atm.send(body, Instant.now()).replayed()).isTrue();

        assertThat(cases(bill.billingCode())).hasSize(1);
        Map<String, Object> opened = cases(bill.billingCode()).get(0);
        assertThat(opened.get("state")).isEqualTo("REQUESTED");
        assertThat(opened.get("reason")).isEqualTo("LATE");
        assertThat(outboxEvents(bill.applicationId(), "RefundRequested")).isEqualTo(1);
        String id = (String) opened.get("id");
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var requested = probe.await(r -> isEvent(r, "RefundRequested", bill.billingCode()), Duration.ofSeconds(30));
            assertThat(requested.key()).isEqualTo(bill.applicationId());
            JsonNode data = JSON.readTree(requested.value().getData().toBytes());
            assertThat(data.get("refundCaseId").asText()).isEqualTo(id);
            assertThat(data.get("accountId").asText()).isEqualTo(bill.accountId());
            assertThat(data.get("amount").asLong()).isEqualTo(650_000);
            assertThat(data.get("reason").asText()).isEqualTo("LATE");
            assertThat(probe.readFor(Duration.ofSeconds(2), r -> isEvent(r, "RefundRequested", bill.billingCode())))
                    .hasSize(1);
        }

        // not approved yet: the job pays nothing
        payDue();
        assertThat(caseState(bill.billingCode())).isEqualTo("REQUESTED");

        approve(id).statusCode(200).body("state", equalTo("APPROVED")).body("decidedBy", equalTo(FINANCE))
                .body("decidedAt", notNullValue());
        approve(id).statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/refund-case-state-conflict"));
        assertThat(outboxEvents(bill.applicationId(), "RefundApproved")).isEqualTo(1);

        int refundsBefore = desk().refunds();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            payDue();
            return "PAID".equals(caseState(bill.billingCode()));
        });
        payDue();
        assertThat(desk().refunds()).as("paid back once").isEqualTo(refundsBefore + 1);
        String refundReference = (String) cases(bill.billingCode()).get(0).get("refund_reference");
        assertThat(refundReference).startsWith("RF-ATM-");
        assertThat(outboxEvents(bill.applicationId(), "RefundPaid")).isEqualTo(1);
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var paid = probe.await(r -> isEvent(r, "RefundPaid", bill.billingCode()), Duration.ofSeconds(30));
            assertThat(paid.key()).isEqualTo(bill.applicationId());
            assertThat(JSON.readTree(paid.value().getData().toBytes()).get("refundReference").asText())
                    .isEqualTo(refundReference);
            assertThat(probe.readFor(Duration.ofSeconds(2), r -> isEvent(r, "RefundPaid", bill.billingCode())))
                    .hasSize(1);
        }
        // a paid case moves no more
        finance().contentType("application/json").body("{\"reason\":\"too late\"}")
                .when().post("/reconciliation/refunds/{id}/reject", id).then().statusCode(409)
                .contentType("application/problem+json");

        // the applicant sees their case; another applicant sees nothing and nobody but finance decides
        given().auth().oauth2(TestJwt.applicant(bill.accountId())).when().get("/bills/{code}/refunds",
                bill.billingCode()).then().statusCode(200).body("$", hasSize(1)).body("[0].state", equalTo("PAID"))
                .body("[0].refundReference", equalTo(refundReference)).body("[0].amount", equalTo(650_000));
        given().auth().oauth2(TestJwt.applicant(newId("acc"))).when().get("/bills/{code}/refunds",
                bill.billingCode()).then().statusCode(404).contentType("application/problem+json");
        finance().when().get("/reconciliation/refunds/{id}", id).then().statusCode(200)
                .body("state", equalTo("PAID")).body("channelReference", equalTo(reference));
    }

    @Test
    void anApplicantCanNeitherDecideNorListRefunds() {
        IssuedBill bill = newBill();
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);
        String id = caseId(bill.billingCode());
        String owner = TestJwt.applicant(bill.accountId());

        given().auth().oauth2(owner).when().post("/reconciliation/refunds/{id}/approve", id).then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(owner).contentType("application/json").body("{\"reason\":\"mine\"}")
                .when().post("/reconciliation/refunds/{id}/reject", id).then().statusCode(403);
        given().auth().oauth2(owner).when().get("/reconciliation/refunds").then().statusCode(403);
        given().auth().oauth2(TestJwt.officer(newId("off"), "JKTSEL")).when()
                .post("/reconciliation/refunds/{id}/approve", id).then().statusCode(403);
        assertThat(caseState(bill.billingCode())).isEqualTo("REQUESTED");
        assertThat(outboxEvents(bill.applicationId(), "RefundApproved")).isZero();
    }

    @Test
    void doublePaymentRejectedWithAReasonStaysRejected() {
        IssuedBill bill = newBill();
        assertThat(channel("internet-banking").pay(bill.billingCode(), 650_000, newId("IB")).status()).isEqualTo(200);
        assertThat(channel("atm").pay(bill.billingCode(), 650_000, newId("ATM")).status()).isEqualTo(200);
        assertThat(cases(bill.billingCode())).hasSize(1);
        assertThat(cases(bill.billingCode()).get(0).get("reason")).isEqualTo("ALREADY_PAID");
        String id = caseId(bill.billingCode());

        // bad input changes nothing
        finance().contentType("application/json").body("{\"reason\":\"  \"}")
                .when().post("/reconciliation/refunds/{id}/reject", id).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("reason"));
        finance().contentType("application/json").body("{}")
                .when().post("/reconciliation/refunds/{id}/reject", id).then().statusCode(400);
        finance().when().post("/reconciliation/refunds/{id}/approve", "not-a-case").then().statusCode(400)
                .contentType("application/problem+json");
        finance().when().post("/reconciliation/refunds/{id}/approve", UUID.randomUUID().toString()).then()
                .statusCode(404).body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/refund-case-not-found"));
        finance().queryParam("state", "LOST").when().get("/reconciliation/refunds").then().statusCode(400)
                .body("errors[0].field", equalTo("state"));
        assertThat(caseState(bill.billingCode())).isEqualTo("REQUESTED");

        finance().contentType("application/json").body("{\"reason\":\"the second payment was credited to the"
                + " family's other application\"}").when().post("/reconciliation/refunds/{id}/reject", id).then()
                .statusCode(200).body("state", equalTo("REJECTED")).body("decidedBy", equalTo(FINANCE));
        approve(id).statusCode(409).contentType("application/problem+json");
        Map<String, Object> rejected = cases(bill.billingCode()).get(0);
        assertThat(rejected.get("state")).isEqualTo("REJECTED");
        assertThat((String) rejected.get("rejection_reason")).startsWith("the second payment");
        assertThat(rejected.get("decided_by")).isEqualTo(FINANCE);
        assertThat(outboxEvents(bill.applicationId(), "RefundRejected")).isEqualTo(1);
        assertThat(outboxEvents(bill.applicationId(), "RefundApproved")).isZero();

        payDue();
        assertThat(caseState(bill.billingCode())).isEqualTo("REJECTED");
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        finance().queryParam("state", "REJECTED").queryParam("date", today).when().get("/reconciliation/refunds")
                .then().statusCode(200).body("findAll { it.id == '" + id + "' }", hasSize(1))
                .body("findAll { it.state != 'REJECTED' }", hasSize(0));
    }

    @Test
    void channelDownLeavesTheCaseApprovedAndItIsPaidOnceWhenTheChannelIsBack() {
        IssuedBill bill = newBill();
        publish(new ApplicationCancelled(bill.applicationId(), bill.accountId(), "hold-" + bill.applicationId(),
                "APPLICANT_REQUEST", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CANCELLED".equals(status(bill.billingCode())));
        assertThat(channel("indomaret").pay(bill.billingCode(), 650_000, newId("IDM")).status()).isEqualTo(200);
        assertThat(cases(bill.billingCode()).get(0).get("reason")).isEqualTo("CANCELLED");
        String id = caseId(bill.billingCode());
        approve(id).statusCode(200);

        desk().failure(RefundDesk.FailureMode.UNAVAILABLE);
        int refundsBefore = desk().refunds();
        payDue();
        Map<String, Object> failed = cases(bill.billingCode()).get(0);
        assertThat(failed.get("state")).isEqualTo("APPROVED");
        assertThat(((Number) failed.get("attempts")).intValue()).isGreaterThanOrEqualTo(1);
        assertThat(failed.get("last_error")).isNotNull();
        assertThat(outboxEvents(bill.applicationId(), "RefundPaid")).isZero();

        desk().failure(RefundDesk.FailureMode.NONE);
        // the backoff and the circuit breaker's delay are short in tests: a few runs pay it
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> {
            payDue();
            return "PAID".equals(caseState(bill.billingCode()));
        });
        assertThat(desk().refunds()).isEqualTo(refundsBefore + 1);
        assertThat(outboxEvents(bill.applicationId(), "RefundPaid")).isEqualTo(1);
        assertThat((String) cases(bill.billingCode()).get(0).get("refund_reference")).startsWith("RF-INDOMARET-");
    }

    @Test
    void paidApplicationCancelledBeforeItsDayIsRefundableOnceButNotOnItsDay() {
        IssuedBill early = newBill();
        assertThat(channel("alfamart").pay(early.billingCode(), 650_000, newId("ALF")).status()).isEqualTo(200);
        String eventId = UUID.randomUUID().toString();
        ApplicationCancelled cancelled = new ApplicationCancelled(early.applicationId(), early.accountId(),
                "hold-" + early.applicationId(), "APPLICANT_REQUEST", Instant.now());
        publish(cancelled, eventId);
        await().atMost(Duration.ofSeconds(30)).until(() -> !cases(early.billingCode()).isEmpty());
        // redelivered (the same event id) and sent again (a new id): still one case
        publish(cancelled, eventId);
        String resent = publish(cancelled);
        // same key, same partition: once the later copy is through the inbox, the redelivery was handled too
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?",
                resent) == 1);
        assertThat(cases(early.billingCode())).hasSize(1);
        assertThat(cases(early.billingCode()).get(0).get("reason")).isEqualTo("CANCELLED_AFTER_PAYMENT");
        assertThat(status(early.billingCode())).as("the bill stays paid").isEqualTo("PAID");
        assertThat(outboxEvents(early.applicationId(), "RefundRequested")).isEqualTo(1);

        IssuedBill onTheDay = newBill();
        assertThat(channel("alfamart").pay(onTheDay.billingCode(), 650_000, newId("ALF")).status()).isEqualTo(200);
        // the appointment is today (WIB): the office kept the slot
        update("UPDATE bill SET appointment_date = ? WHERE billing_code = ?",
                java.sql.Date.valueOf(LocalDate.now(ZoneId.of("Asia/Jakarta"))), onTheDay.billingCode());
        String late = publish(new ApplicationCancelled(onTheDay.applicationId(), onTheDay.accountId(),
                "hold-" + onTheDay.applicationId(), "APPLICANT_REQUEST", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM inbox WHERE event_id = ?",
                late) == 1);
        assertThat(cases(onTheDay.billingCode())).isEmpty();
        assertThat(outboxEvents(onTheDay.applicationId(), "RefundRequested")).isZero();
        assertThat(status(onTheDay.billingCode())).isEqualTo("PAID");
    }

    @Test
    void theDaysRefundReportListsUnpaidRefundsAndSumsEachMove() {
        String today = LocalDate.now(ZoneId.of("Asia/Jakarta")).toString();
        JsonNode before = report(today);

        // three payments to return: one paid back, one rejected, one still waiting
        IssuedBill paidBack = newBill();
        pastDeadline(paidBack.billingCode());
        assertThat(channel("marketplace").pay(paidBack.billingCode(), 650_000, newId("MKT")).status()).isEqualTo(200);
        IssuedBill rejected = newBill();
        pastDeadline(rejected.billingCode());
        assertThat(channel("marketplace").pay(rejected.billingCode(), 650_000, newId("MKT")).status()).isEqualTo(200);
        IssuedBill waiting = newBill();
        pastDeadline(waiting.billingCode());
        String waitingReference = newId("MKT");
        assertThat(channel("marketplace").pay(waiting.billingCode(), 650_000, waitingReference).status())
                .isEqualTo(200);
        approve(caseId(paidBack.billingCode())).statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            payDue();
            return "PAID".equals(caseState(paidBack.billingCode()));
        });
        finance().contentType("application/json").body("{\"reason\":\"duplicate record\"}")
                .when().post("/reconciliation/refunds/{id}/reject", caseId(rejected.billingCode())).then()
                .statusCode(200);

        JsonNode after = report(today);
        assertThat(delta(before, after, "requested", "count")).isEqualTo(3);
        assertThat(delta(before, after, "requested", "amount")).isEqualTo(1_950_000);
        assertThat(delta(before, after, "approved", "count")).isEqualTo(1);
        assertThat(delta(before, after, "paid", "count")).isEqualTo(1);
        assertThat(delta(before, after, "paid", "amount")).isEqualTo(650_000);
        assertThat(delta(before, after, "rejected", "count")).isEqualTo(1);
        assertThat(delta(before, after, "rejected", "amount")).isEqualTo(650_000);
        assertThat(after.get("unmatchedAmount").asLong() - before.get("unmatchedAmount").asLong())
                .as("still to be paid back: the waiting one and the rejected one").isEqualTo(1_300_000);
        List<String> unmatchedCodes = new java.util.ArrayList<>();
        after.get("unmatched").forEach(u -> unmatchedCodes.add(u.get("billingCode").asText()));
        assertThat(unmatchedCodes).contains(waiting.billingCode(), rejected.billingCode())
                .doesNotContain(paidBack.billingCode());
        after.get("unmatched").forEach(u -> {
            if (u.get("billingCode").asText().equals(waiting.billingCode())) {
                assertThat(u.get("channelReference").asText()).isEqualTo(waitingReference);
                assertThat(u.get("refundCaseState").asText()).isEqualTo("REQUESTED");
                assertThat(u.get("refundReason").asText()).isEqualTo("LATE");
            }
        });

        finance().queryParam("date", "yesterday").when().get("/reconciliation/refund-report").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("date"));
        given().auth().oauth2(TestJwt.applicant(newId("acc"))).queryParam("date", today)
                .when().get("/reconciliation/refund-report").then().statusCode(403);
    }

    private static JsonNode report(String day) {
        try {
            return JSON.readTree(finance().queryParam("date", day).when().get("/reconciliation/refund-report").then()
                    .statusCode(200).extract().asString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long delta(JsonNode before, JsonNode after, String figure, String field) {
        return after.get(figure).get(field).asLong() - before.get(figure).get(field).asLong();
    }
}
