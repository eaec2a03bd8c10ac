package id.go.imigrasi.mpaspor.application.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.Application;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The reminders nobody's event calls for (issue 22): the day before an appointment ("tomorrow at office X, bring the
 * originals") and, {@code mpaspor.application.reminders.payment-before} before an unpaid bill's deadline, that the
 * held place is about to go. Each is queued once, on every channel the holder chose: its idempotency key names the
 * appointment date or the billing code, so every instance may run this as often as it likes and a person is reminded
 * once per appointment and per bill. "Tomorrow" is in {@code mpaspor.application.time-zone} (WIB).
 */
@ApplicationScoped
public class Reminders {

    /** What one run queued. */
    public record Run(int appointments, int payments) {
    }

    private final ApplicationRepository applications;
    private final ApplicantMails mails;
    private final ApplicationConfig config;
    private final Clock clock;

    public Reminders(ApplicationRepository applications, ApplicantMails mails, ApplicationConfig config, Clock clock) {
        this.applications = applications;
        this.mails = mails;
        this.config = config;
        this.clock = clock;
    }

    public Uni<Run> remindDue() {
        Instant now = clock.instant();
        LocalDate tomorrow = now.atZone(config.timeZone()).toLocalDate().plusDays(1);
        return inBatches(after -> applications.appointmentsOn(tomorrow, after, config.reminders().batch()),
                app -> mails.queueOnce("appointment-reminder-" + app.appointmentDate, app,
                        ApplicantMails.Kind.APPOINTMENT_REMINDER, app.officeCode, String.valueOf(app.appointmentDate),
                        app.appointmentSession))
                .chain(appointments -> inBatches(
                        after -> applications.billsRunningOut(now, now.plus(config.reminders().paymentBefore()), after,
                                config.reminders().batch()),
                        app -> mails.queueOnce("payment-reminder-" + app.billingCode, app,
                                ApplicantMails.Kind.PAYMENT_REMINDER, app.billingCode, app.billingAmount,
                                mails.local(app.billingExpiresAt)))
                        .map(payments -> new Run(appointments, payments)))
                .invoke(run -> {
                    if (run.appointments() + run.payments() > 0) {
                        mails.wake();
                    }
                });
    }

    /** Runs {@code remind} over every application {@code page} finds, a batch per transaction; how many it saw. */
    private Uni<Integer> inBatches(Function<UUID, Uni<List<Application>>> page,
            Function<Application, Uni<Void>> remind) {
        UUID[] last = { null };
        Uni<Integer> oneBatch = Uni.createFrom().deferred(() -> Panache.withTransaction(() -> page.apply(last[0])
                .chain(batch -> {
                    if (batch.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    last[0] = batch.get(batch.size() - 1).id;
                    Uni<Void> all = Uni.createFrom().voidItem();
                    for (Application app : batch) {
                        all = all.chain(() -> remind.apply(app));
                    }
                    return all.replaceWith(batch.size());
                })));
        return oneBatch.repeat().whilst(seen -> seen >= config.reminders().batch())
                .collect().with(java.util.stream.Collectors.summingInt(Integer::intValue));
    }
}
