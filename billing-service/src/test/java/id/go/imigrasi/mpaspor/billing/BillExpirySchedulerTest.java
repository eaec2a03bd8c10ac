package id.go.imigrasi.mpaspor.billing;

import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.adult;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.application;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.issue;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.kafka;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.newId;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.pastDeadline;
import static id.go.imigrasi.mpaspor.billing.support.BillingFixtures.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.billing.support.BillingFixtures.IssuedBill;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TopicProbe;
import io.cloudevents.CloudEvent;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the scheduler on, as in production, nobody has to run the expiry: an unpaid bill expires on time. */
@QuarkusTest
@TestProfile(BillExpirySchedulerTest.SchedulerOn.class)
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "billing"))
class BillExpirySchedulerTest {

    public static class SchedulerOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mpaspor.billing.expiry.every", "1s");
        }
    }

    @Test
    void unpaidBillPastItsDeadlineExpiresByItselfAndBillingExpiredIsPublished() {
        IssuedBill due = issue(application(newId("acc"), adult("Yusuf Hidayat", "ORDINARY", 5, false)));
        IssuedBill notDue = issue(application(newId("acc"), adult("Maya Sari", "ORDINARY", 5, false)));
        pastDeadline(due.billingCode());

        await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(status(due.billingCode())));
        try (TopicProbe<CloudEvent> probe = TopicProbe.cloudEvents(kafka(), "billing.events")) {
            var expired = probe.await(r -> r.value().getType().equals("mpaspor.billing.BillingExpired.v1")
                    && new String(r.value().getData().toBytes(), StandardCharsets.UTF_8).contains(due.billingCode()),
                    Duration.ofSeconds(30));
            assertThat(expired.key()).isEqualTo(due.applicationId());
        }
        assertThat(status(notDue.billingCode())).isEqualTo("ISSUED");
    }
}
