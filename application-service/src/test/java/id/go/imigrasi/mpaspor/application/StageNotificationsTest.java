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
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.application.service.Reminders;
import id.go.imigrasi.mpaspor.application.support.DukcapilStubResource;
import id.go.imigrasi.mpaspor.application.support.MailCatcher;
import id.go.imigrasi.mpaspor.contracts.billing.BillingIssued;
import id.go.imigrasi.mpaspor.contracts.billing.LatePaymentReceived;
import id.go.imigrasi.mpaspor.contracts.billing.RefundPaid;
import id.go.imigrasi.mpaspor.contracts.billing.RefundRequested;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentMoved;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.biometric.NoShow;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportIssued;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;

/**
 * Issue 22, a notification for every stage: a reschedule's confirmation, a no-show, the passport printed, a late
 * payment and each step of its refund are mailed once per event (a redelivery mails nothing more); the day before the
 * appointment and a few hours before an unpaid bill's deadline the applicant is reminded once, however often the
 * reminders run.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "application"))
@WithTestResource(value = DukcapilStubResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@WithTestResource(value = MailCatcher.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StageNotificationsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Reminders reminders;

    private static long mails(String app, String kind) {
        return count("SELECT count(*) FROM queued_mail WHERE aggregate_id = ? AND kind = ?", app, kind);
    }

    /** Publishes the event twice under one id (a redelivery) and waits for its mail: exactly one. */
    private static void mailedOnce(String app, String kind, id.go.imigrasi.mpaspor.contracts.IntegrationEvent event) {
        String id = UUID.randomUUID().toString();
        publish(event, id, Instant.now());
        publish(event, id, Instant.now());
        await().atMost(PATIENCE).until(() -> mails(app, kind) >= 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(8)).until(() -> mails(app, kind) == 1);
    }

    @Test
    void everyStageIsMailedOnceEvenWhenItsEventComesTwice() {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Dewi Anggraini"));
        LocalDate day = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(10);

        mailedOnce(app, "APPOINTMENT_MOVED", new AppointmentMoved("appt-1", app, applicant, "JKTSEL", day, "MORNING",
                day.plusDays(2), "AFTERNOON", "BK-7777"));
        mailedOnce(app, "NO_SHOW", new NoShow("appt-1", app, applicant, "JKTSEL", day.plusDays(2), "AFTERNOON"));
        mailedOnce(app, "PASSPORT_ISSUED", new PassportIssued(app, applicant, "X1234567", "officer-1", Instant.now()));
        mailedOnce(app, "LATE_PAYMENT", new LatePaymentReceived(app, "877777777777773", 650_000, "atm", "ref-1",
                Instant.now()));
        mailedOnce(app, "REFUND_REQUESTED", new RefundRequested("case-1", "877777777777773", app, account, 650_000,
                "atm", "ref-1", "LATE", Instant.now()));
        mailedOnce(app, "REFUND_PAID", new RefundPaid("case-1", "877777777777773", app, account, 650_000, "atm",
                "RF-42", Instant.now()));

        await().atMost(PATIENCE).until(() -> MailCatcher.to(email(account)).size() >= 6);
        assertThat(MailCatcher.to(email(account))).anySatisfy(m -> assertThat(m.subject())
                .contains("Jadwal kedatangan Anda dipindah").contains(String.valueOf(day.plusDays(2))));
        assertThat(MailCatcher.to(email(account))).anySatisfy(m -> assertThat(m.subject())
                .contains("877777777777773").contains("dikembalikan"));
        assertThat(count("SELECT count(*) FROM timeline_entry WHERE application_id = ?::uuid"
                + " AND kind IN ('REFUND_REQUESTED', 'REFUND_PAID')", app)).isEqualTo(2);
    }

    @Test
    void theDayBeforeAndBeforeTheDeadlineTheApplicantIsRemindedOnce() throws Throwable {
        String account = newAccount();
        String app = createApplication(account);
        String applicant = addApplicant(account, app, adult("Budi Hartono"));
        LocalDate tomorrow = LocalDate.now(ZoneId.of("Asia/Jakarta")).plusDays(1);
        publish(new AppointmentScheduled("appt-2", app, applicant, "SBY", tomorrow, "MORNING", "BK-8888"));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM application WHERE id = ?::uuid"
                + " AND appointment_date = ? AND status = 'APPOINTMENT_SCHEDULED'", app, tomorrow) == 1);

        String later = createApplication(newAccount()); // its appointment is not tomorrow: no reminder
        publish(new AppointmentScheduled("appt-3", later, "x", "SBY", tomorrow.plusDays(1), "MORNING", "BK-9999"));
        String unpaid = createApplication(account);
        publish(new BillingIssued(unpaid, "hold-r", "877777777777774", 650_000, Instant.now().plusSeconds(3600)));
        String farOff = createApplication(account);
        publish(new BillingIssued(farOff, "hold-s", "877777777777775", 650_000, Instant.now().plusSeconds(86_400)));
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM application WHERE id IN (?::uuid, ?::uuid)"
                + " AND billing_status = 'ISSUED'", unpaid, farOff) == 2
                && count("SELECT count(*) FROM application WHERE id = ?::uuid AND appointment_date IS NOT NULL",
                        later) == 1);

        VertxContextSupport.subscribeAndAwait(reminders::remindDue);
        VertxContextSupport.subscribeAndAwait(reminders::remindDue);

        assertThat(mails(app, "APPOINTMENT_REMINDER")).isEqualTo(1);
        assertThat(mails(later, "APPOINTMENT_REMINDER")).isZero();
        assertThat(mails(unpaid, "PAYMENT_REMINDER")).isEqualTo(1);
        assertThat(mails(farOff, "PAYMENT_REMINDER")).as("its deadline is a day away").isZero();
        await().atMost(PATIENCE).until(() -> MailCatcher.to(email(account)).stream()
                .anyMatch(m -> m.subject().startsWith("Besok: jadwal kedatangan di kantor imigrasi SBY")));
    }
}
