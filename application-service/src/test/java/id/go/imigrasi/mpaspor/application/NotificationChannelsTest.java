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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.account.NotificationPreferencesChanged;
import id.go.imigrasi.mpaspor.contracts.billing.BillingExpired;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TextProvider;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 22, every notification on the channels the holder chose: a stage's event gives exactly one message per chosen
 * channel (e-mail and a WhatsApp text in the holder's language), a redelivered event gives nothing more on any
 * channel, a provider outage delays the text and loses none, and an older preferences event never overwrites a newer
 * one.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = TextProvider.class, scope = TestResourceScope.MATCHING_RESOURCES)
class NotificationChannelsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private static String phone() {
        return "+62813" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    }

    /** A holder who chose e-mail and WhatsApp in English, with a proven number; the projection has it. */
    private static void prefers(String account, String phone, List<String> channels, Instant at) {
        publish(new NotificationPreferencesChanged(account, email(account), phone, channels, "en", at));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM notification_preference"
                + " WHERE account_id = ?::uuid AND changed_at = ?", account, java.sql.Timestamp.from(at)) == 1);
    }

    @Test
    void aStageGivesOneMessagePerChosenChannelAndARedeliveryNothingMore() {
        String account = newAccount();
        String phone = phone();
        prefers(account, phone, List.of("EMAIL", "WHATSAPP"), Instant.parse("2026-12-06T01:00:00Z"));
        String app = createApplication(account);
        addApplicant(account, app, adult("Andi Saputra"));

        String eventId = UUID.randomUUID().toString();
        BillingIssued issued = new BillingIssued(app, "hold-n", "877777777777771", 650_000,
                Instant.now().plusSeconds(7200));
        publish(issued, eventId, Instant.now());
        publish(issued, eventId, Instant.now()); // the same event again (a redelivery)

        await().atMost(PATIENCE).until(() -> !MailCatcher.to(email(account)).isEmpty()
                && !TextProvider.stub().messagesTo(phone).isEmpty());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).until(() ->
                MailCatcher.to(email(account)).size() == 1 && TextProvider.stub().messagesTo(phone).size() == 1);
        var text = TextProvider.stub().messagesTo(phone).get(0);
        assertThat(text.channel()).isEqualTo("WHATSAPP");
        assertThat(text.text()).startsWith("M-Paspor: pay billing code 877777777777771");
        assertThat(count("SELECT count(*) FROM queued_mail WHERE aggregate_id = ? AND channel = 'SMS'", app))
                .as("SMS was not chosen").isZero();
    }

    @Test
    void aProviderOutageDelaysTheTextAndLosesNone() {
        String account = newAccount();
        String phone = phone();
        prefers(account, phone, List.of("SMS"), Instant.parse("2026-12-06T01:00:00Z"));
        String app = createApplication(account);
        addApplicant(account, app, adult("Rina Wulandari"));

        TextProvider.stub().failing(true);
        try {
            publish(new BillingExpired(app, "hold-o", "877777777777772", Instant.now()));
            await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM queued_mail WHERE aggregate_id = ?"
                    + " AND channel = 'SMS' AND attempts >= 1 AND sent_at IS NULL AND last_error IS NOT NULL", app) == 1);
        } finally {
            TextProvider.stub().failing(false);
        }
        await().atMost(PATIENCE).until(() -> TextProvider.stub().messagesTo(phone).size() == 1);
        assertThat(TextProvider.stub().messagesTo(phone).get(0).text()).contains("877777777777772", "expired");
        assertThat(MailCatcher.to(email(account))).as("e-mail was not chosen").isEmpty();
    }

    @Test
    void anOlderPreferencesEventNeverOverwritesANewerOne() {
        String account = newAccount();
        String phone = phone();
        prefers(account, phone, List.of("EMAIL", "WHATSAPP"), Instant.parse("2026-12-06T02:00:00Z"));
        publish(new NotificationPreferencesChanged(account, email(account), null, List.of("EMAIL"), "id",
                Instant.parse("2026-12-06T01:00:00Z")));
        String marker = newAccount(); // an event published after the older one: once it is in, so is the older one
        prefers(marker, null, List.of("EMAIL"), Instant.parse("2026-12-06T03:00:00Z"));
        assertThat(count("SELECT count(*) FROM notification_preference WHERE account_id = ?::uuid"
                + " AND channels = 'EMAIL,WHATSAPP' AND verified_phone = ? AND language = 'en'", account, phone))
                .isEqualTo(1);
    }
}
