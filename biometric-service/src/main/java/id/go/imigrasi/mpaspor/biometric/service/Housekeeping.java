package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.contracts.biometric.NoShow;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCancelled;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The two clean-up rules of the office: an appointment not checked in by the end of its day (office time) becomes
 * NO_SHOW with NoShow; a passport issued and not collected (nor handed to Pos) within {@code collect-within}
 * becomes UNCOLLECTED with PassportCancelled (NOT_COLLECTED). Each row is claimed by exactly one run, whatever the
 * number of instances (see the repository), and its event is written in the same transaction.
 */
@ApplicationScoped
public class Housekeeping {

    private static final Logger LOG = Logger.getLogger(Housekeeping.class);

    private final AppointmentRepository appointments;
    private final Outbox outbox;
    private final Clock clock;
    private final BiometricConfig config;

    public Housekeeping(AppointmentRepository appointments, Outbox outbox, Clock clock, BiometricConfig config) {
        this.appointments = appointments;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    /** Marks every appointment whose day has ended; returns how many. */
    public Uni<Integer> markNoShows() {
        int limit = config.jobs().batchSize();
        return Panache.withTransaction(() -> appointments.markNoShows(LocalDate.now(clock), now(), limit)
                .chain(marked -> publish(marked, a -> new NoShow(a.id.toString(), a.applicationId, a.applicantId,
                        a.officeCode, a.date, a.session), "no-show")))
                .chain(n -> n < limit ? Uni.createFrom().item(n) : markNoShows().map(more -> n + more));
    }

    /** Cancels every issued passport past its collection deadline; returns how many. */
    public Uni<Integer> cancelUncollected() {
        int limit = config.jobs().batchSize();
        return Panache.withTransaction(() -> appointments.markUncollected(now(), limit)
                .chain(marked -> publish(marked, a -> new PassportCancelled(a.applicationId, a.applicantId,
                        a.passportNumber, "NOT_COLLECTED", a.issuedAt, a.closedAt), "uncollected")))
                .chain(n -> n < limit ? Uni.createFrom().item(n) : cancelUncollected().map(more -> n + more));
    }

    private Uni<Integer> publish(List<Appointment> marked,
            Function<Appointment, IntegrationEvent> event,
            String what) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Appointment a : marked) {
            chain = chain.chain(() -> outbox.append(event.apply(a)))
                    .invoke(() -> LOG.infof("appointment %s: %s", a.id, what)).replaceWithVoid();
        }
        return chain.replaceWith(marked.size());
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
