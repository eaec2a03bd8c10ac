package id.go.imigrasi.mpaspor.platform.problem;

import java.util.Set;

/**
 * Failures that mean "another request changed the same rows at the same moment": a versioned entity found changed at
 * commit (Hibernate's {@code StaleObjectStateException}, JPA's {@code OptimisticLockException}), PostgreSQL's
 * serialization failure (SQLSTATE 40001) and deadlock (40P01). Nothing of the failed request was committed (its
 * transaction rolled back), and sending it again is safe: the problem mapper answers 409 {@code concurrent-change}
 * with {@code Retry-After}, not 500 {@code internal-error}.
 */
public final class ConcurrentChange {

    private static final Set<String> TYPES = Set.of("org.hibernate.StaleObjectStateException",
            "org.hibernate.StaleStateException", "jakarta.persistence.OptimisticLockException",
            "org.hibernate.dialect.lock.OptimisticEntityLockException");

    private ConcurrentChange() {
    }

    /** Whether {@code failure} or one of its causes is a conflict with a concurrent change. */
    public static boolean matches(Throwable failure) {
        return DatabaseUnavailable.anyCause(failure, t -> TYPES.contains(t.getClass().getName())
                || "40001".equals(DatabaseUnavailable.sqlState(t)) || "40P01".equals(DatabaseUnavailable.sqlState(t)));
    }
}
