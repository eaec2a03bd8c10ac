package id.go.imigrasi.mpaspor.account.repository;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import id.go.imigrasi.mpaspor.account.domain.Otp;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Wrong-code counters per (email, purpose), as plain SQL: a conditional UPDATE counts an attempt atomically. */
@ApplicationScoped
public class OtpGuardRepository {

    /**
     * Counts one attempt when fewer than {@code max} were counted, in one statement whose row lock holds until the
     * transaction ends; returns the attempt's number (1..max), or null when none is left.
     */
    public Uni<Integer> countAttempt(String email, Otp.Purpose purpose, int max) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                "INSERT INTO otp_guard (email, purpose, attempts) VALUES (:email, :purpose, 0) "
                        + "ON CONFLICT (email, purpose) DO NOTHING")
                .setParameter("email", email).setParameter("purpose", purpose.name()).executeUpdate()
                .chain(() -> s.createNativeQuery("UPDATE otp_guard SET attempts = attempts + 1 "
                        + "WHERE email = :email AND purpose = :purpose AND attempts < :max RETURNING attempts",
                        Integer.class)
                        .setParameter("email", email).setParameter("purpose", purpose.name()).setParameter("max", max)
                        .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0)));
    }

    /** A new code was requested (admitted): its attempts start from zero. */
    public Uni<Void> reset(String email, Otp.Purpose purpose) {
        return Panache.getSession().chain((Mutiny.Session s) -> s.createNativeQuery(
                "DELETE FROM otp_guard WHERE email = :email AND purpose = :purpose")
                .setParameter("email", email).setParameter("purpose", purpose.name()).executeUpdate()).replaceWithVoid();
    }
}
