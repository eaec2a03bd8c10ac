package id.go.imigrasi.mpaspor.platform.problem;

import java.util.Set;

/**
 * Failures that mean "another request changed the same rows at the same moment": a versioned entity found changed at
 * commit (Hibernate's {@code StaleObjectStateException}, JPA's {@code OptimisticLockException}), PostgreSQL's
 * serialization failure (SQLSTATE 40001) and deadlock (40P01), and a unique or exclusion constraint that a row
 * committed a moment earlier now violates (23505, 23P01) where no code expected it: the loser of a check-then-insert
 * race, whose check found no row. Nothing of the failed request was committed (its transaction rolled back), and
 * sending it again is safe: the repeat sees the winner's row and gets that row's own answer (the same resource, or the
 * rule's 409 or 422). The problem mapper answers 409 {@code concurrent-change} with {@code Retry-After}, not 500
 * {@code internal-error}. A violation a service expects (a taken e-mail address, a second hold of the same key) is
 * caught by that service with its own problem before it gets here.
 */
public final class ConcurrentChange {

    private static final Set<String> TYPES = Set.of("org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException", "jakarta.persistence.OptimisticLockException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");
    /** Serialization failure, deadlock, unique violation, exclusion violation. */
    private static final Set<String> SQL_STATES = Set.of("40001", "40P01", "23505", "23P01");

    private ConcurrentChange() {
    }

    /** Whether {@code failure} or one of its causes is a conflict with a concurrent change. */
    public static boolean matches(Throwable failure) {
        return DatabaseUnavailable.anyCause(failure, t -> {
            String state = DatabaseUnavailable.sqlState(t);
            return TYPES.contains(t.getClass().getName()) || state != null && SQL_STATES.contains(state);
        });
    }
}
