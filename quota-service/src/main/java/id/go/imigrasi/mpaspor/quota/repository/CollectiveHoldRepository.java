package id.go.imigrasi.mpaspor.quota.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import id.go.imigrasi.mpaspor.quota.domain.DaySession;
import id.go.imigrasi.mpaspor.quota.domain.PassportKind;
import id.go.imigrasi.mpaspor.quota.domain.ServiceLine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The statements of the collective service (issue 19), in the caller's transaction: the batch's decision, recorded once
 * (V75), the members' NIKs already bound, and one member's hold with its NIK binding. The places themselves are taken
 * by {@link CapacityRepository#take} (the one SQL form of the rule, {@code slot_bookable}).
 */
@ApplicationScoped
public class CollectiveHoldRepository {

    /**
     * Claims the batch for this transaction, as HELD with its places: false when it was claimed before (a redelivery
     * or a repeat: do nothing). A concurrent claim of the same batch waits on the primary key until this transaction
     * ends, then finds it claimed.
     */
    public Uni<Boolean> claim(UUID batchId, String office, LocalDate date, String session, int places, Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO collective_batch (id, office_code, date,"
                + " session, places, outcome, decided_at) VALUES (:id, :office, :date, :session, :places, 'HELD', :at)"
                + " ON CONFLICT (id) DO NOTHING")
                .setParameter("id", batchId).setParameter("office", office).setParameter("date", date)
                .setParameter("session", session).setParameter("places", places).setParameter("at", at)
                .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** The claimed batch was refused: why, and how many places were left. */
    public Uni<Void> refused(UUID batchId, String reason, int remaining) {
        return Panache.getSession().chain(s -> s.createNativeQuery("UPDATE collective_batch SET outcome = 'REFUSED',"
                + " reason = :reason, remaining = :remaining WHERE id = :id")
                .setParameter("id", batchId).setParameter("reason", reason).setParameter("remaining", remaining)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Which of these NIKs are bound to an active hold or booking. */
    public Uni<List<String>> heldNiks(List<String> niks) {
        return Panache.getSession().chain(s -> s.createNativeQuery("SELECT nik FROM hold_nik WHERE active"
                + " AND nik IN (:niks)", String.class).setParameter("niks", niks).getResultList());
    }

    /** One member's hold (one place, on the walk-in line) and its NIK binding. */
    public Uni<Void> insertHold(UUID holdId, String accountId, String office, LocalDate date, ServiceLine service,
            DaySession session, PassportKind kind, String nik, Instant expiresAt, Instant createdAt) {
        return Panache.getSession().chain(s -> s.createNativeQuery("INSERT INTO hold (id, account_id, office_code, date,"
                + " service, session, passport_kind, size, niks, status, expires_at, created_at) VALUES (:id, :account,"
                + " :office, :date, :service, :session, :kind, 1, :nik, 'HELD', :expiresAt, :createdAt)")
                .setParameter("id", holdId).setParameter("account", accountId).setParameter("office", office)
                .setParameter("date", date).setParameter("service", service.name())
                .setParameter("session", session.name()).setParameter("kind", kind.name()).setParameter("nik", nik)
                .setParameter("expiresAt", expiresAt).setParameter("createdAt", createdAt)
                .executeUpdate()
                .chain(() -> s.createNativeQuery("INSERT INTO hold_nik (hold_id, nik) VALUES (:id, :nik)")
                        .setParameter("id", holdId).setParameter("nik", nik).executeUpdate()))
                .replaceWithVoid();
    }
}
