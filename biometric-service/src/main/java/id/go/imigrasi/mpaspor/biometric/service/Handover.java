package id.go.imigrasi.mpaspor.biometric.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.biometric.BiometricProblem;
import id.go.imigrasi.mpaspor.biometric.client.PosApi;
import id.go.imigrasi.mpaspor.biometric.client.PosGateway;
import id.go.imigrasi.mpaspor.biometric.config.BiometricConfig;
import id.go.imigrasi.mpaspor.biometric.domain.Appointment;
import id.go.imigrasi.mpaspor.biometric.domain.AppointmentStatus;
import id.go.imigrasi.mpaspor.biometric.domain.DeskAction;
import id.go.imigrasi.mpaspor.biometric.repository.AppointmentRepository;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportCollected;
import id.go.imigrasi.mpaspor.contracts.biometric.PassportDelivered;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import id.go.imigrasi.mpaspor.platform.problem.ProblemException;
import id.go.imigrasi.mpaspor.platform.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The issued passport reaches its holder: pickup at the office (by the applicant, NIK checked, or by a member of
 * the same family card, recorded) with PassportCollected; or delivery by Pos Indonesia (a shipment with a tracking
 * number, then PassportDelivered once Pos reports it delivered, see {@link #pollDeliveries}).
 */
@ApplicationScoped
public class Handover {

    private static final Logger LOG = Logger.getLogger(Handover.class);
    private static final List<AppointmentStatus> ISSUED = List.of(AppointmentStatus.ISSUED);
    public static final String DELIVERED = "DELIVERED";

    public enum Collector {
        APPLICANT, FAMILY_MEMBER
    }

    /** Who collects: for a family member, the numbers of both family cards (KK) shown as originals must match. */
    public record Pickup(Collector collectedBy, String collectorName, String collectorNik, String familyCardNumber,
            String applicantFamilyCardNumber) {
    }

    public record Delivery(String recipientName, String address, String postalCode, String phone) {
    }

    private final Appointments access;
    private final AppointmentRepository appointments;
    private final PosGateway pos;
    private final Outbox outbox;
    private final Clock clock;
    private final BiometricConfig config;
    private final OfficerActions actions;

    public Handover(Appointments access, AppointmentRepository appointments, PosGateway pos, Outbox outbox,
            Clock clock, BiometricConfig config, OfficerActions actions) {
        this.actions = actions;
        this.access = access;
        this.appointments = appointments;
        this.pos = pos;
        this.outbox = outbox;
        this.clock = clock;
        this.config = config;
    }

    public Uni<AppointmentView> pickup(String id, Pickup pickup, Caller caller) {
        return access.act(id, caller, ISSUED, a -> {
            if (pickup.collectedBy() == Collector.APPLICANT) {
                if (!a.nik.equals(pickup.collectorNik())) {
                    throw ProblemException.of(BiometricProblem.NIK_MISMATCH);
                }
            } else if (!pickup.familyCardNumber().equals(pickup.applicantFamilyCardNumber())) {
                throw ProblemException.of(BiometricProblem.FAMILY_CARD_MISMATCH);
            }
            a.status = AppointmentStatus.COLLECTED;
            a.handoverMethod = "PICKUP";
            a.collectedBy = pickup.collectedBy().name();
            a.collectorName = pickup.collectedBy() == Collector.APPLICANT ? a.fullName : pickup.collectorName().strip();
            a.collectorNik = pickup.collectorNik();
            a.familyCardNumber = pickup.familyCardNumber();
            a.handedOverAt = now();
            // who collected by kind only: the collector's name and NIK stay on the appointment
            return actions.record(a.id, a.officeCode, caller.accountId(), DeskAction.PASSPORT_COLLECTED,
                    a.collectedBy, a.handedOverAt)
                    .chain(() -> outbox.append(new PassportCollected(a.applicationId, a.applicantId,
                            a.passportNumber, a.collectedBy, a.collectorName, caller.accountId(), a.handedOverAt)))
                    .invoke(() -> LOG.infof("passport %s collected by %s", a.passportNumber, a.collectedBy))
                    .replaceWithVoid();
        });
    }

    /**
     * Hands the passport to Pos: the shipment is created first (outside the transaction: a slow Pos must not hold
     * a row lock), then recorded. Retrying is safe: the appointment id is the shipment's sender reference.
     */
    public Uni<AppointmentView> deliver(String id, Delivery delivery, Caller caller) {
        return access.readable(id, caller).chain(a -> {
            caller.requireOffice(a.officeCode);
            if (a.status != AppointmentStatus.ISSUED) {
                throw ProblemException.of(BiometricProblem.WRONG_STEP, a.status.name(), AppointmentStatus.ISSUED.name());
            }
            return pos.createShipment(new PosApi.ShipmentRequest(a.id.toString(), delivery.recipientName().strip(),
                    delivery.address().strip(), delivery.postalCode(), delivery.phone()))
                    .onFailure().transform(e -> {
                        LOG.warnf("Pos shipment for appointment %s failed: %s", a.id, e.toString());
                        return ProblemException.retryLater(BiometricProblem.POS_UNAVAILABLE, Duration.ofSeconds(30));
                    });
        }).chain(shipment -> access.act(id, caller, ISSUED, a -> {
            a.status = AppointmentStatus.IN_DELIVERY;
            a.handoverMethod = "POS";
            a.trackingNumber = shipment.trackingNumber();
            a.posStatus = shipment.status();
            a.handedOverAt = now();
            LOG.infof("passport %s handed to Pos: %s", a.passportNumber, a.trackingNumber);
            return actions.record(a.id, a.officeCode, caller.accountId(), DeskAction.HANDED_TO_POS, a.posStatus,
                    a.handedOverAt);
        }));
    }

    /**
     * Polls Pos for every passport in delivery; records status changes, and on DELIVERED closes the handover with
     * PassportDelivered. Polling (rather than a Pos callback) needs no inbound route from Pos through the gateway,
     * cannot miss a lost callback, and a failed poll is simply repeated on the next run. Returns how many were
     * delivered.
     */
    public Uni<Integer> pollDeliveries() {
        return Panache.withSession(() -> appointments.inDelivery(config.jobs().batchSize())).chain(list -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (Appointment a : list) {
                chain = chain.chain(n -> pos.track(a.trackingNumber)
                        .chain(shipment -> record(a.id, shipment))
                        .onFailure().recoverWithItem(e -> {
                            LOG.warnf("Pos tracking %s failed (next run retries): %s", a.trackingNumber, e.toString());
                            return false;
                        })
                        .map(delivered -> delivered ? n + 1 : n));
            }
            return chain;
        });
    }

    private Uni<Boolean> record(UUID id, PosApi.Shipment shipment) {
        return Panache.withTransaction(() -> appointments.lock(id).chain(a -> {
            if (a == null || a.status != AppointmentStatus.IN_DELIVERY || shipment.status() == null
                    || shipment.status().equals(a.posStatus)) {
                return Uni.createFrom().item(false);
            }
            a.posStatus = shipment.status();
            if (!DELIVERED.equals(shipment.status())) {
                return Uni.createFrom().item(false);
            }
            a.status = AppointmentStatus.DELIVERED;
            Instant at = now();
            return outbox.append(new PassportDelivered(a.applicationId, a.applicantId, a.passportNumber, "POS",
                    a.trackingNumber, at))
                    .invoke(() -> LOG.infof("passport %s delivered by Pos (%s)", a.passportNumber, a.trackingNumber))
                    .replaceWith(true);
        }));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
