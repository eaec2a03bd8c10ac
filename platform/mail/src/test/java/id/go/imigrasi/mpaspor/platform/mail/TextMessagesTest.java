package id.go.imigrasi.mpaspor.platform.mail;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.simulators.sms.SmsStub;
import id.go.imigrasi.mpaspor.testkit.MailServer;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import id.go.imigrasi.mpaspor.testkit.TextProvider;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Texts (SMS, WhatsApp) through the same outbox as mail, against the provider's stub on a real PostgreSQL: a text
 * reaches the phone once, a provider outage delays it and loses nothing (and the provider's idempotency reference
 * means a retry never texts twice), the provider's signed receipt records delivery, and an unsigned or forged
 * receipt changes nothing.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES, initArgs = {
        @ResourceArg(name = "database", value = "platform_text"), @ResourceArg(name = "kafka", value = "false") })
@WithTestResource(value = MailServer.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = TextProvider.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TextMessagesTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    MailQueue queue;

    @Inject
    MailDispatcher dispatcher;

    @Inject
    AgroalDataSource db;

    private static String phone() {
        return "+62812" + String.format("%08d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 100_000_000L));
    }

    private void queued(OutgoingMail text) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> queue.enqueue(text)));
    }

    private void dispatchAll() throws Exception {
        try {
            VertxContextSupport.subscribeAndAwait(dispatcher::dispatchAllDue);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private String column(String sql, String phone) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setString(1, phone);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void aTextReachesThePhoneOnceAndItsSignedReceiptRecordsDelivery() throws Throwable {
        String phone = phone();
        queued(OutgoingMail.text(Channel.WHATSAPP, phone, "TEST_TEXT", "Kode Anda: 123456").once("text-" + phone));
        queued(OutgoingMail.text(Channel.WHATSAPP, phone, "TEST_TEXT", "Kode Anda: 123456").once("text-" + phone));
        dispatchAll();

        assertThat(TextProvider.stub().messagesTo(phone)).hasSize(1).first().satisfies(m -> {
            assertThat(m.text()).isEqualTo("Kode Anda: 123456");
            assertThat(m.channel()).isEqualTo("WHATSAPP");
        });
        String providerId = TextProvider.stub().messagesTo(phone).get(0).id();
        assertThat(column("SELECT provider_message_id FROM queued_mail WHERE recipient = ?", phone))
                .isEqualTo(providerId);
        assertThat(column("SELECT body FROM queued_mail WHERE recipient = ?", phone)).as("erased once sent").isNull();
        await().atMost(PATIENCE).until(
                () -> column("SELECT delivered_at FROM queued_mail WHERE recipient = ?", phone) != null);
        assertThat(MailServer.received(phone)).as("no e-mail for a text").isEmpty();
    }

    @Test
    void aProviderOutageDelaysTheTextAndLosesNothing() throws Throwable {
        String phone = phone();
        TextProvider.stub().failing(true);
        try {
            queued(OutgoingMail.text(Channel.SMS, phone, "TEST_TEXT", "Tagihan Anda terbit"));
            dispatchAll();
            assertThat(column("SELECT attempts || ':' || (sent_at IS NULL) || ':' || (last_error IS NOT NULL)"
                    + " FROM queued_mail WHERE recipient = ?", phone)).isEqualTo("1:true:true");
            assertThat(TextProvider.stub().messagesTo(phone)).isEmpty();
        } finally {
            TextProvider.stub().failing(false);
        }
        await().atMost(PATIENCE).until(() -> {
            dispatchAll();
            return !TextProvider.stub().messagesTo(phone).isEmpty();
        });
        dispatchAll();
        assertThat(TextProvider.stub().messagesTo(phone)).as("sent once").hasSize(1);
        assertThat(column("SELECT attempts FROM queued_mail WHERE recipient = ? AND sent_at IS NOT NULL", phone))
                .isEqualTo("2");
    }

    @Test
    void anUnsignedOrForgedReceiptIsRefusedAndChangesNothing() throws Throwable {
        String phone = phone();
        TextProvider.stub().undeliverable(phone);
        queued(OutgoingMail.text(Channel.SMS, phone, "TEST_TEXT", "Halo"));
        dispatchAll();
        String providerId = TextProvider.stub().messagesTo(phone).get(0).id();
        await().atMost(PATIENCE).until(
                () -> column("SELECT undelivered_at FROM queued_mail WHERE recipient = ?", phone) != null);

        String forged = "{\"id\":\"" + providerId + "\",\"status\":\"DELIVERED\",\"at\":\"2026-12-06T00:00:00Z\"}";
        given().contentType("application/json").body(forged).post("/notifications/text-receipts")
                .then().statusCode(401);
        given().contentType("application/json").header(TextReceipts.SIGNATURE_HEADER,
                TextReceipts.sign(forged.getBytes(StandardCharsets.UTF_8), "another-secret".getBytes(StandardCharsets.UTF_8)))
                .body(forged).post("/notifications/text-receipts").then().statusCode(401);
        assertThat(column("SELECT delivered_at FROM queued_mail WHERE recipient = ?", phone)).isNull();

        String junk = "{\"id\":\"" + providerId + "\",\"status\":\"MAYBE\",\"at\":\"yesterday\"}";
        given().contentType("application/json").header(TextReceipts.SIGNATURE_HEADER,
                TextReceipts.sign(junk.getBytes(StandardCharsets.UTF_8),
                        SmsStub.DEV_RECEIPT_SECRET.getBytes(StandardCharsets.UTF_8)))
                .body(junk).post("/notifications/text-receipts").then().statusCode(400);
        assertThat(column("SELECT delivered_at FROM queued_mail WHERE recipient = ?", phone)).isNull();
    }

    @Test
    void aTextNeedsATextChannel() {
        assertThatThrownBy(() -> OutgoingMail.text(Channel.EMAIL, phone(), "X", "y"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
