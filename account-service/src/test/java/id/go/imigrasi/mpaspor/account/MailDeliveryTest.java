package id.go.imigrasi.mpaspor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** A down SMTP server neither fails nor slows registration, and the code arrives once it is back. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "account"))
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MailDeliveryTest {

    @Test
    void otpIsDeliveredOnceTheSmtpServerIsBack() {
        String email = Accounts.newEmail("outage");
        MailServer.down();
        try {
            Accounts.register(email, Accounts.PASSWORD).then().statusCode(201);
            await().atMost(Duration.ofSeconds(20)).until(() -> Db.count(
                    "SELECT count(*) FROM queued_mail WHERE recipient = ? AND sent_at IS NULL AND attempts >= 1", email) == 1);
        } finally {
            MailServer.up();
        }
        String code = MailServer.otp(email, 1);
        Accounts.verify(email, code).then().statusCode(200);
        assertThat(MailServer.messagesTo(email).stream().filter(m -> MailServer.subjectOf(m).startsWith("Kode")))
                .as("delivered once").hasSize(1);
    }
}
