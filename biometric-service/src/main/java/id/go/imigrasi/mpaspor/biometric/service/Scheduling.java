package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.Booking;
import id.go.imigrasi.mpaspor.biometric.domain.BookingCode;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.biometric.repository.BookingRepository;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationCancelled;
import id.go.imigrasi.mpaspor.contracts.application.ApplicationSubmitted;
import id.go.imigrasi.mpaspor.contracts.application.SubmittedApplicant;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentMoved;
import id.go.imigrasi.mpaspor.contracts.biometric.AppointmentScheduled;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.platform.inbox.PoisonEventException;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;

/**
 * Appointments from events. ApplicationSubmitted (application.events) brings the owner and the applicants;
 * HoldConfirmed (quota.events) says the slot is paid. The two topics are not ordered relative to each other, so
 * each handler records its fact on the application's booking row (locked, so the two consumers take turns) and
 * whichever comes second creates one appointment per applicant and publishes AppointmentScheduled. Every handler
 * runs inside the inbox transaction of its event (redeliveries are skipped there) and is itself idempotent.
 */
@ApplicationScoped
public class Scheduling {

    private static final Logger LOG = Logger.getLogger(Scheduling.class);

    private final BookingRepository bookings;
    private final AppointmentRepository appointments;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final Set<String> passportKinds;

    public Scheduling(BookingRepository bookings, AppointmentRepository appointments, Outbox outbox, ObjectMapper json,
            Clock clock, BiometricConfig config) {
        this.bookings = bookings;
        this.appointments = appointments;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.passportKinds = config.approval().passportNumberPrefix().keySet();
    }

    public Uni<Void> onSubmitted(ApplicationSubmitted submitted) {
        if (blank(submitted.applicationId()) || blank(submitted.accountId()) || submitted.applicants() == null
                || submitted.applicants().isEmpty()
                || submitted.applicants().stream().anyMatch(a -> blank(a.applicantId()) || a.nik() == null
                        || !a.nik().matches("\\d{16}") || blank(a.passportKind())
                        || !passportKinds.contains(a.passportKind().toLowerCase(Locale.ROOT)))) {
            return Uni.createFrom().failure(new PoisonEventException(
                    "ApplicationSubmitted without application, account or complete applicants (NIK, passport kind)"));
        }
        String applicants;
        try {
            applicants = json.writeValueAsString(submitted.applicants());
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new PoisonEventException("applicants not serializable", e));
        }
        return bookings.lockOrCreate(submitted.applicationId()).chain(booking -> {
            if (booking.submittedAt != null) {
                return Uni.createFrom().voidItem();
            }
            booking.accountId = submitted.accountId();
            booking.applicants = applicants;
            booking.submittedAt = now();
            if (booking.confirmedAt == null) {
                // provisional until the confirmation brings the paid slot
                booking.holdId = submitted.holdId();
                booking.officeCode = submitted.officeCode();
                booking.date = submitted.appointmentDate();
                booking.session = submitted.session();
            }
            return scheduleIfReady(booking);
        });
    }

    public Uni<Void> onConfirmed(HoldConfirmed confirmed) {
        if (blank(confirmed.applicationId()) || blank(confirmed.officeCode()) || confirmed.date() == null) {
            return Uni.createFrom().failure(new PoisonEventException("HoldConfirmed without application, office or date"));
        }
        return bookings.lockOrCreate(confirmed.applicationId()).chain(booking -> {
            if (booking.confirmedAt != null) {
                return Uni.createFrom().voidItem();
            }
            booking.holdId = confirmed.holdId();
            booking.officeCode = confirmed.officeCode();
            booking.date = confirmed.date();
            booking.session = confirmed.session();
            booking.service = confirmed.service();
            booking.confirmedAt = now();
            return scheduleIfReady(booking);
        });
    }

    /** Moves the booking; appointments already scheduled move with it (AppointmentMoved each), codes unchanged. */
    public Uni<Void> onRescheduled(BookingRescheduled moved) {
        if (blank(moved.applicationId()) || moved.toDate() == null) {
            return Uni.createFrom().failure(new PoisonEventException("BookingRescheduled without application or date"));
        }
        return bookings.lockOrCreate(moved.applicationId()).chain(booking -> {
            if (moved.toDate().equals(booking.date) && Objects.equals(moved.toSession(), booking.session)) {
                return Uni.createFrom().voidItem();
            }
            booking.date = moved.toDate();
            booking.session = moved.toSession();
            if (booking.scheduledAt == null) {
                return Uni.createFrom().voidItem();
            }
            return appointments.lockScheduledOfApplication(booking.applicationId).chain(list -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Appointment a : list) {
                    var fromDate = a.date;
                    var fromSession = a.session;
                    a.date = moved.toDate();
                    a.session = moved.toSession();
                    chain = chain.chain(() -> outbox.append(new AppointmentMoved(a.id.toString(), a.applicationId,
                            a.applicantId, a.officeCode, fromDate, fromSession, a.date, a.session, a.bookingCode)))
                            .invoke(() -> LOG.infof("appointment %s moved %s %s -> %s %s", a.id, fromDate, fromSession,
                                    a.date, a.session))
                            .replaceWithVoid();
                }
                return chain;
            });
        });
    }

    /** A withdrawn application: its appointments not yet attended are cancelled, and none will be created. */
    public Uni<Void> onCancelled(ApplicationCancelled cancelled) {
        if (blank(cancelled.applicationId())) {
            return Uni.createFrom().failure(new PoisonEventException("ApplicationCancelled without application"));
        }
        return bookings.lockOrCreate(cancelled.applicationId()).chain(booking -> {
            if (booking.cancelledAt != null) {
                return Uni.createFrom().voidItem();
            }
            booking.cancelledAt = now();
            return appointments.lockScheduledOfApplication(booking.applicationId).invoke(list -> list.forEach(a -> {
                a.status = AppointmentStatus.CANCELLED;
                a.closedAt = booking.cancelledAt;
            })).replaceWithVoid();
        });
    }

    private Uni<Void> scheduleIfReady(Booking booking) {
        if (!booking.readyToSchedule()) {
            return Uni.createFrom().voidItem();
        }
        List<SubmittedApplicant> applicants;
        try {
            applicants = Arrays.asList(json.readValue(booking.applicants, SubmittedApplicant[].class));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new PoisonEventException("stored applicants unreadable", e));
        }
        booking.scheduledAt = now();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (SubmittedApplicant applicant : applicants) {
            Appointment a = new Appointment();
            a.id = UUID.randomUUID();
            a.applicationId = booking.applicationId;
            a.applicantId = applicant.applicantId();
            a.accountId = booking.accountId;
            a.fullName = applicant.fullName() == null ? "" : applicant.fullName();
            a.nik = applicant.nik();
            a.passportKind = applicant.passportKind();
            a.validityYears = applicant.validityYears();
            a.service = booking.service == null ? "REGULAR" : booking.service;
            a.paidAt = booking.confirmedAt;
            a.officeCode = booking.officeCode;
            a.date = booking.date;
            a.session = booking.session;
            a.bookingCode = BookingCode.next();
            a.status = AppointmentStatus.SCHEDULED;
            a.createdAt = booking.scheduledAt;
            chain = chain.chain(() -> appointments.persist(a))
                    .chain(() -> outbox.append(new AppointmentScheduled(a.id.toString(), a.applicationId,
                            a.applicantId, a.officeCode, a.date, a.session, a.bookingCode)))
                    .replaceWithVoid();
        }
        return chain.invoke(() -> LOG.infof("application %s: %d appointment(s) at %s on %s %s", booking.applicationId,
                applicants.size(), booking.officeCode, booking.date, booking.session));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
