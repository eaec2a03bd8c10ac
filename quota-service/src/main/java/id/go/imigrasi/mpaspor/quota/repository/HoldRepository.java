package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.Hold;
import id.go.imigrasi.mpaspor.quota.domain.HoldStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

/**
 * Holds and their NIK bindings. The anti-scalping rules are unique partial indexes, so they hold under any
 * concurrency: {@link #ONE_ACTIVE_HOLD_PER_ACCOUNT} and {@link #ONE_ACTIVE_SLOT_PER_NIK}.
 */
@ApplicationScoped
public class HoldRepository implements PanacheRepositoryBase<Hold, UUID> {

    public static final String ONE_ACTIVE_HOLD_PER_ACCOUNT = "hold_one_active_per_account";
    public static final String ONE_ACTIVE_SLOT_PER_NIK = "hold_nik_one_active_slot";

    /** The hold, locked for the rest of the transaction (every state change goes through this). */
    public Uni<Hold> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Ids of expired holds that no other instance is working on, locked until this transaction ends. */
    public Uni<List<UUID>> claimExpired(int limit) {
        // claimed oldest first, released in the capacity rows' key order (as the hold statement locks them), so the
        // release of many holds and a batch of holds over the same slots never deadlock
        return Panache.getSession().chain(s -> s.<String>createNativeQuery("SELECT CAST(id AS text) FROM (SELECT id,"
                + " office_code, date, service, session FROM hold"
                + " WHERE status = 'HELD' AND expires_at <= now() ORDER BY expires_at LIMIT :limit"
                + " FOR UPDATE SKIP LOCKED) due ORDER BY office_code, date, service, session", String.class)
                .setParameter("limit", limit).getResultList())
                .map(ids -> ids.stream().map(UUID::fromString).toList());
    }

    public Uni<Void> extend(UUID id, String applicationId, String billingCode, Instant expiresAt) {
        return update("expiresAt = ?1, applicationId = ?2, billingCode = ?3 where id = ?4", expiresAt,
                applicationId, billingCode, id).replaceWithVoid();
    }

    public Uni<Void> book(UUID id, String applicationId, String billingCode, Instant at) {
        return update("status = ?1, applicationId = ?2, billingCode = coalesce(?3, billingCode), confirmedAt = ?4"
                + " where id = ?5", HoldStatus.BOOKED, applicationId, billingCode, at, id).replaceWithVoid();
    }

    /** Marks the hold released and frees its NIKs for another slot. */
    public Uni<Void> release(UUID id, String reason, Instant at) {
        return update("status = ?1, releasedAt = ?2, releaseReason = ?3 where id = ?4", HoldStatus.RELEASED, at,
                reason, id)
                .chain(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "UPDATE hold_nik SET active = false WHERE hold_id = :id").setParameter("id", id)
                        .executeUpdate()))
                .replaceWithVoid();
    }

    public Uni<Void> move(UUID id, LocalDate date, DaySession session) {
        return update("slotDate = ?1, slotSession = ?2, reschedulesUsed = reschedulesUsed + 1 where id = ?3", date,
                session, id).replaceWithVoid();
    }

    /** The hold an account created with this {@code Idempotency-Key}, whatever its state now, or null. */
    public Uni<Hold> byIdempotencyKey(String accountId, String key) {
        return find("accountId = ?1 and idempotencyKey = ?2", accountId, key).firstResult();
    }

    /** The account's holds and bookings that are still active (HELD, BOOKED), newest first. */
    public Uni<List<Hold>> activeOf(String accountId) {
        return list("accountId = ?1 and status in ?2 order by createdAt desc", accountId,
                List.of(HoldStatus.HELD, HoldStatus.BOOKED));
    }

    /** The bookings of one office and day, for its officers. */
    public Uni<List<Hold>> bookingsOf(String office, LocalDate date) {
        return list("officeCode = ?1 and slotDate = ?2 and status = ?3 order by slotSession, confirmedAt", office,
                date, HoldStatus.BOOKED);
    }
}
