package id.go.imigrasi.mpaspor.platform.privacy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import id.go.imigrasi.mpaspor.contracts.IntegrationEvent;
import id.go.imigrasi.mpaspor.platform.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * What one service gives a person who asks for a copy of their data (UU PDP: access and portability), as named queries
 * with the account id bound to {@code :account} (a string: cast it where the column is a uuid). Each query's rows come
 * back as column name to value, as PostgreSQL's {@code json_agg} writes them, so a column added later travels without
 * a code change; secrets (hashes, keys) are simply not selected. Each service keeps its list in one class
 * ({@code service/AccountExport}) beside its erasure rule.
 */
public final class ExportQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Map<String, Object>>> ROWS = new TypeReference<>() {
    };

    /** One named query: {@code what} names the kind of data in the export. */
    public record Query(String what, String sql) {
    }

    private final List<Query> queries;

    private ExportQueries(List<Query> queries) {
        this.queries = List.copyOf(queries);
    }

    public static ExportQueries of(Query... queries) {
        return new ExportQueries(List.of(queries));
    }

    public static Query query(String what, String sql) {
        return new Query(what, sql);
    }

    /** Every query's rows for the account, in order, in the current session. */
    public Uni<Map<String, List<Map<String, Object>>>> run(String accountId) {
        Map<String, List<Map<String, Object>>> data = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Query q : new ArrayList<>(queries)) {
            chain = chain.chain(() -> Panache.getSession()
                    .chain(session -> session.createNativeQuery("SELECT coalesce(json_agg(t), '[]')::text FROM ("
                            + q.sql() + ") t", String.class).setParameter("account", accountId).getSingleResult())
                    .invoke(rows -> data.put(q.what(), parse(rows)))
                    .replaceWithVoid());
        }
        return chain.replaceWith(() -> data);
    }

    private static List<Map<String, Object>> parse(String rows) {
        try {
            return JSON.readValue(rows, ROWS);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("json_agg gave unreadable JSON", e);
        }
    }

    /** Runs every query for the account, then appends the service's part (built from the rows) to the outbox. */
    public Uni<Void> exportAndSend(String accountId, Outbox outbox,
            Function<Map<String, List<Map<String, Object>>>, IntegrationEvent> part) {
        return run(accountId).chain(data -> outbox.append(part.apply(data))).replaceWithVoid();
    }
}
