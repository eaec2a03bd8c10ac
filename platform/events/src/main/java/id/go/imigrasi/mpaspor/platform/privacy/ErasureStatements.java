package id.go.imigrasi.mpaspor.platform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import java.util.function.Function;

import org.jboss.logging.Logger;

import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What one service erases or anonymises about an account (UU PDP: the right to erasure), as named SQL statements run in
 * order in the caller's transaction with the account id bound to {@code :account} (a string: cast it in the SQL where
 * the column is a uuid). Each service keeps its list in one class ({@code service/AccountErasure}) so that what is
 * erased, and what is kept and why, reads in one place; {@link #run} answers the rows each statement touched, which
 * the service's {@code *DataErased} event reports. Statements must be idempotent: a redelivered event runs them again
 * and touches nothing the second time.
 */
public final class ErasureStatements {

    private static final Logger LOG = Logger.getLogger(ErasureStatements.class);

    /** One named statement: {@code what} names the kind of data in the confirmation's counts. */
    public record Statement(String what, String sql) {
    }

    private final List<Statement> statements;

    private ErasureStatements(List<Statement> statements) {
        this.statements = List.copyOf(statements);
    }

    public static ErasureStatements of(Statement... statements) {
        return new ErasureStatements(List.of(statements));
    }

    public static Statement statement(String what, String sql) {
        return new Statement(what, sql);
    }

    public List<Statement> statements() {
        return statements;
    }

    /** Runs every statement for the account, in order, in the current transaction; rows touched by kind. */
    public Uni<Map<String, Integer>> run(String accountId) {
        Map<String, Integer> removed = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Statement s : new ArrayList<>(statements)) {
            chain = chain.chain(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery(s.sql()).setParameter("account", accountId)
                            .executeUpdate())
                    .invoke(rows -> removed.merge(s.what(), rows, Integer::sum))
                    .replaceWithVoid());
        }
        return chain.replaceWith(() -> removed);
    }

    /**
     * Runs every statement for the account, then appends the service's confirmation (built from the counts) to the
     * outbox, all in the current transaction.
     */
    public Uni<Void> eraseAndConfirm(String accountId, Outbox outbox,
            Function<Map<String, Integer>, IntegrationEvent> confirmation) {
        return run(accountId).chain(removed -> {
            LOG.infof("account %s: personal data erased %s", accountId, removed);
            return outbox.append(confirmation.apply(removed));
        }).replaceWithVoid();
    }
}
