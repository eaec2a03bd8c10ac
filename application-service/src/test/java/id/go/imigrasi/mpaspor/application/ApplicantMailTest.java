package id.go.imigrasi.mpaspor.application;

import static id.go.imigrasi.mpaspor.application.support.Fixtures.addApplicant;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.adult;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.count;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.createApplication;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.email;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.newAccount;
import static id.go.imigrasi.mpaspor.application.support.Fixtures.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A mail the applicant must get is never dropped: an SMTP outage only delays it, and it is sent once. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ApplicantMailTest {

    @Test
    void aMailQueuedDuringAnSmtpOutageIsRetriedAndDeliveredOnceTheServerIsBack() {
        String account = newAccount();
        String app = createApplication(account);
        addApplicant(account, app, adult("Andi Saputra"));
        MailCatcher.down();
        try {
            publish(new BillingIssued(app, "hold-m", "877777777777770", 650_000, Instant.now().plusSeconds(7200)));
            await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM queued_mail "
                    + "WHERE aggregate_id = ? AND attempts >= 1 AND last_error IS NOT NULL AND sent_at IS NULL",
                    app) == 1);
        } finally {
            MailCatcher.up();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM queued_mail "
                + "WHERE aggregate_id = ? AND sent_at IS NOT NULL", app) == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !MailCatcher.to(email(account)).isEmpty());
        assertThat(MailCatcher.to(email(account))).hasSize(1)
                .allSatisfy(m -> assertThat(m.subject()).contains("877777777777770"));
    }
}
