package id.go.imigrasi.mpaspor.application.service;

import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.details;
import static id.go.imigrasi.mpaspor.application.service.ApplicationFollower.none;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;


import id.go.imigrasi.mpaspor.application.config.ApplicationConfig;
import id.go.imigrasi.mpaspor.application.domain.ApplicationStatus;
import id.go.imigrasi.mpaspor.application.domain.Hold;
import id.go.imigrasi.mpaspor.application.mail.ApplicantMails;
import id.go.imigrasi.mpaspor.application.repository.ApplicationRepository;
import id.go.imigrasi.mpaspor.application.repository.HoldRepository;
import id.go.imigrasi.mpaspor.contracts.quota.BookingRescheduled;
import id.go.imigrasi.mpaspor.contracts.quota.HoldConfirmed;
import id.go.imigrasi.mpaspor.contracts.quota.HoldExtended;
import id.go.imigrasi.mpaspor.contracts.quota.HoldReleased;
import id.go.imigrasi.mpaspor.contracts.quota.PositionsAdmitted;
import id.go.imigrasi.mpaspor.contracts.quota.SlotHeld;
import id.go.imigrasi.mpaspor.platform.inbox.Envelope;
import io.smallrye.mutiny.Uni;

/**
 * What happens when quota-service reports on holds and bookings (quota.events): the holds are kept locally (table
 * {@code hold}, so submission never calls quota-service), and the booking steps of submitted applications
 * (confirmed, rescheduled, released) move the application and its appointment; the waiting room's admissions
 * mail the applicant that it is their turn.
 */
@ApplicationScoped
public class FollowQuota {

    private final HoldRepository holds;
    private final ApplicationFollower follower;
    private final ApplicationRepository applications;
    private final ApplicantMails mails;
    private final String website;

    public FollowQuota(HoldRepository holds, ApplicationFollower follower, ApplicationRepository applications,
            ApplicantMails mails, ApplicationConfig config) {
        this.holds = holds;
        this.follower = follower;
        this.applications = applications;
        this.mails = mails;
        this.website = config.publicBaseUrl().replaceFirst("/api/v1/?$", "");
    }

    /**
     * "It is your turn": quota-service admitted these accounts' positions in a release's waiting room; each gets a
     * mail (to the address of its newest open application) with the waiting room's page, valid until its turn ends.
     */
    public Uni<Void> positionsAdmitted(PositionsAdmitted admitted, Envelope envelope) {
        Uni<Void> chain = none();
        String link = website + "/ruang-tunggu/" + admitted.releaseId();
        for (String account : admitted.accountIds()) {
            UUID id;
            try {
                id = UUID.fromString(account);
            } catch (IllegalArgumentException notOurs) {
                continue;
            }
            chain = chain.chain(() -> applications.ofAccount(id).chain(apps -> apps.stream()
                    .filter(app -> app.email != null && !app.status.finished()).findFirst()
                    .map(app -> mails.queueOnce(envelope.id(), app, ApplicantMails.Kind.WAITING_ROOM_TURN,
                            admitted.officeCode(), link, mails.local(admitted.claimUntil())))
                    .orElse(none())));
        }
        return chain;
    }

    /** A new hold, kept once (a redelivery finds it). */
    public Uni<Void> held(SlotHeld e) {
        return holds.findById(e.holdId()).chain(existing -> {
            if (existing != null) {
                return none();
            }
            Hold hold = new Hold();
            hold.holdId = e.holdId();
            hold.accountId = e.accountId();
            hold.officeCode = e.officeCode();
            hold.date = e.date();
            hold.session = e.session();
            hold.service = e.service();
            hold.passportKind = e.passportKind() == null ? "ORDINARY" : e.passportKind();
            hold.niks = e.niks() == null ? "" : String.join(",", e.niks());
            hold.expiresAt = e.expiresAt();
            return holds.persist(hold).replaceWithVoid();
        });
    }

    /** The hold lasts until the bill's deadline. */
    public Uni<Void> extended(HoldExtended e, Envelope envelope) {
        return holds.lock(e.holdId()).chain(hold -> {
            if (hold != null && e.expiresAt() != null) {
                hold.expiresAt = e.expiresAt();
            }
            return follower.step(envelope, e.applicationId(), "HOLD_EXTENDED", null, null, "holdId", e.holdId(),
                    "expiresAt", e.expiresAt());
        });
    }

    /** The place went back to the calendar (expiry, cancellation). */
    public Uni<Void> released(HoldReleased e, Envelope envelope) {
        return holds.lock(e.holdId()).chain(hold -> {
            if (hold != null && hold.releasedAt == null) {
                hold.releasedAt = envelope.or(e.releasedAt());
            }
            return follower.step(envelope, e.applicationId(), "HOLD_RELEASED", null, e.releasedAt(), "holdId",
                    e.holdId(), "reason", e.reason());
        });
    }

    /** Paid: the hold is a booking; BOOKED, with the appointment's office, date and session. */
    public Uni<Void> confirmed(HoldConfirmed e, Envelope envelope) {
        return holds.lock(e.holdId()).chain(hold -> {
            if (hold != null) {
                hold.confirmedAt = envelope.time();
            }
            return follower.lock(e.applicationId(), "HOLD_CONFIRMED").chain(app -> {
                if (app == null) {
                    return none();
                }
                app.appointment(e.officeCode(), e.date(), e.session(), envelope.time());
                return follower.record(envelope, app, "HOLD_CONFIRMED", ApplicationStatus.BOOKED, envelope.time(),
                        details("officeCode", e.officeCode(), "date", e.date(), "session", e.session()));
            });
        });
    }

    /** The booking moved to another date or session (an older move does not overwrite a newer one). */
    public Uni<Void> rescheduled(BookingRescheduled e, Envelope envelope) {
        return follower.lock(e.applicationId(), "BOOKING_RESCHEDULED").chain(app -> {
            if (app == null) {
                return none();
            }
            app.appointment(e.officeCode(), e.toDate(), e.toSession(), envelope.time());
            return follower.record(envelope, app, "BOOKING_RESCHEDULED", null, envelope.time(), details("officeCode",
                    e.officeCode(), "fromDate", e.fromDate(), "fromSession", e.fromSession(), "toDate", e.toDate(),
                    "toSession", e.toSession(), "reschedulesUsed", e.reschedulesUsed()));
        });
    }
}
