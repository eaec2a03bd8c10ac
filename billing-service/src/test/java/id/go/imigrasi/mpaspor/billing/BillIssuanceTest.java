package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.awaitBill;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.bill;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.count;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.outboxEvents;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.publish;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.rows;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.billing.domain.BillingCode;
import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TestJwt;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** ApplicationSubmitted on application.events becomes one bill, priced by the tariff, and BillingIssued. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class BillIssuanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode data(CloudEvent event) throws Exception {
        return JSON.readTree(new String(event.getData().toBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void submittedFamilyApplicationGetsOneBillWithLineItemsACodeAndATwoHourDeadline() throws Exception {
        String account = newId("acc");
        ApplicationSubmitted submitted = application(account,
                adult("Budi Santoso", "ORDINARY", 5, true),
                adult("Siti Rahmawati", "ELECTRONIC", 10, false),
                adult("Ayu Lestari", "ELECTRONIC", 5, false));
        publish(submitted);

        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var record = probe.await(r -> submitted.applicationId().equals(r.key())
                    && r.value().getType().equals("mpaspor.billing.BillingIssued.v1"), Duration.ofSeconds(30));
            JsonNode issued = data(record.value());
            assertThat(issued.get("applicationId").asText()).isEqualTo(submitted.applicationId());
            assertThat(issued.get("holdId").asText()).isEqualTo(submitted.holdId());
            assertThat(issued.get("amount").asLong()).isEqualTo(350_000 + 1_000_000 + 950_000 + 650_000);
            String code = issued.get("billingCode").asText();
            assertThat(BillingCode.isValid(code)).isTrue();

            Map<String, Object> row = rows("SELECT issued_at, expires_at FROM bill WHERE billing_code = ?", code).get(0);
            Instant issuedAt = ((Timestamp) row.get("issued_at")).toInstant();
            Instant expiresAt = ((Timestamp) row.get("expires_at")).toInstant();
            assertThat(Duration.between(issuedAt, expiresAt)).isEqualTo(Duration.ofHours(2));
            assertThat(Instant.parse(issued.get("expiresAt").asText())).isEqualTo(expiresAt);

            given().auth().oauth2(TestJwt.applicant(account)).when().get("/bills/{code}", code)
                    .then().statusCode(200)
                    .body("billingCode", equalTo(code))
                    .body("status", equalTo("ISSUED"))
                    .body("amount", equalTo(2_950_000))
                    .body("currency", equalTo("IDR"))
                    .body("lines", hasSize(4))
                    .body("lines.applicantName", contains("Budi Santoso", "Budi Santoso", "Siti Rahmawati", "Ayu Lestari"))
                    .body("lines.item", contains("PASSPORT_ORDINARY_5Y", "SAME_DAY_SERVICE", "PASSPORT_ELECTRONIC_10Y",
                            "PASSPORT_ELECTRONIC_5Y"))
                    .body("lines.amount", contains(350_000, 1_000_000, 950_000, 650_000))
                    .body("payments", hasSize(0));
        }
    }

    @Test
    void eachPassportKindValidityAndSameDayServiceIsBilledFromTheTariff() {
        String account = newId("acc");
        Map<String, Long> expected = Map.of("ORDINARY/5", 350_000L, "ORDINARY/10", 650_000L, "ELECTRONIC/5", 650_000L,
                "ELECTRONIC/10", 950_000L);
        Map<String, ApplicationSubmitted> apps = new java.util.HashMap<>();
        for (String key : expected.keySet()) {
            String[] kv = key.split("/");
            for (boolean sameDay : new boolean[] { false, true }) {
                ApplicationSubmitted a = application(account, adult("Pemohon " + key, kv[0], Integer.parseInt(kv[1]),
                        sameDay));
                apps.put(key + "/" + sameDay, a);
                publish(a);
            }
        }
        apps.forEach((key, app) -> {
            String[] k = key.split("/");
            long fee = expected.get(k[0] + "/" + k[1]) + (Boolean.parseBoolean(k[2]) ? 1_000_000L : 0L);
            assertThat(awaitBill(app.applicationId()).amount()).as(key).isEqualTo(fee);
        });
    }

    @Test
    void billingCodesAreUniqueAndCarryAValidCheckDigit() {
        List<ApplicationSubmitted> apps = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            ApplicationSubmitted a = application(newId("acc"), adult("Pemohon " + i, "ORDINARY", 5, false));
            apps.add(a);
            publish(a);
        }
        var codes = new HashSet<String>();
        for (ApplicationSubmitted a : apps) {
            String code = awaitBill(a.applicationId()).billingCode();
            assertThat(BillingCode.isValid(code)).as(code).isTrue();
            codes.add(code);
        }
        assertThat(codes).hasSize(apps.size());
        assertThat(count("SELECT count(*) - count(DISTINCT billing_code) FROM bill")).isZero();
    }

    @Test
    void redeliveredOrRepeatedSubmissionIssuesOneBillAndOneBillingIssued() {
        ApplicationSubmitted submitted = application(newId("acc"), adult("Dewi Anggraini", "ELECTRONIC", 10, false));
        String eventId = UUID.randomUUID().toString();
        publish(submitted, eventId);
        publish(submitted, eventId);
        // the same application submitted again under a new event id (e.g. a producer retry)
        publish(submitted, UUID.randomUUID().toString());
        // a later event on the same key: once it is billed, the three before it were consumed
        ApplicationSubmitted marker = new ApplicationSubmitted(newId("app"), submitted.accountId(), "hold-m", "JKTSEL",
                submitted.appointmentDate(), submitted.session(), submitted.applicants(), Instant.now(),
                submitted.service());
        publish(marker);
        awaitBill(marker.applicationId());
        awaitBill(submitted.applicationId());
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM inbox WHERE consumer = 'billing' AND event_id = ?", eventId) == 1);
        assertThat(count("SELECT count(*) FROM bill WHERE application_id = ?", submitted.applicationId())).isEqualTo(1);
        assertThat(outboxEvents(submitted.applicationId(), "BillingIssued")).isEqualTo(1);
    }

    @Test
    void applicantReadsOnlyTheirOwnBill() {
        String owner = newId("acc");
        IssuedBill bill = issue(application(owner, adult("Rudi Hartono", "ORDINARY", 10, false)));

        given().auth().oauth2(TestJwt.applicant(owner)).when().get("/bills/{code}", bill.billingCode())
                .then().statusCode(200).body("amount", equalTo(650_000));
        given().auth().oauth2(TestJwt.applicant(owner)).queryParam("applicationId", bill.applicationId())
                .when().get("/bills").then().statusCode(200).body("billingCode", equalTo(bill.billingCode()));
        given().auth().oauth2(TestJwt.admin(newId("ops"))).when().get("/bills/{code}", bill.billingCode())
                .then().statusCode(200);

        given().auth().oauth2(TestJwt.applicant(newId("someone-else"))).when().get("/bills/{code}", bill.billingCode())
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/bill-not-found"))
                .body("title", equalTo("Tagihan tidak ditemukan"));
        given().auth().oauth2(TestJwt.applicant(newId("someone-else"))).header("Accept-Language", "en")
                .when().get("/bills/{code}", bill.billingCode())
                .then().statusCode(404).body("title", equalTo("Bill not found"));
        // another account's application answers exactly like one without a bill yet: nothing tells a bill exists
        given().auth().oauth2(TestJwt.applicant(newId("someone-else"))).queryParam("applicationId", bill.applicationId())
                .when().get("/bills").then().statusCode(404).header("Retry-After", "1")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/bill-not-yet-issued"));
        // an application whose bill is not issued yet (billing has not seen its submission): "not yet", with when
        given().auth().oauth2(TestJwt.applicant(owner)).queryParam("applicationId", UUID.randomUUID().toString())
                .when().get("/bills").then().statusCode(404).contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("https://mpaspor.imigrasi.go.id/problems/bill-not-yet-issued"))
                .body("title", equalTo("Tagihan belum terbit"));
        given().when().get("/bills/{code}", bill.billingCode()).then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(TestJwt.applicant(owner)).when().get("/bills/{code}", "123")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unpriceableSubmissionIsParkedInTheDeadLetterTopicAndBillsNothing() {
        ApplicationSubmitted bad = application(newId("acc"), adult("Tono", "ORDINARY", 7, false));
        String eventId = publish(bad);
        try (TopicProbe<String> dlt = TopicProbe.strings(kafka(), "billing.application.events.dlt")) {
            var parked = dlt.await(r -> eventId.equals(TopicProbe.header(r, "ce_id")), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(parked, "dead-letter-reason")).contains("cannot be billed");
        }
        assertThat(bill(bad.applicationId())).isNull();
        assertThat(outboxEvents(bad.applicationId(), "BillingIssued")).isZero();
    }
}
