package id.go.imigrasi.mpaspor.quota;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.imigrasi.mpaspor.quota.domain.Capacity;
import id.go.imigrasi.mpaspor.quota.support.Quota;
import id.go.imigrasi.mpaspor.testkit.RealInfrastructure;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The rule has one Java home ({@link Capacity#bookability}) and one SQL home ({@code slot_bookable}, V50): they must
 * agree on every row, and the CHECK must use the same arithmetic. Evaluated on the service's migrated database.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = "database", value = "quota"))
class BookabilityAgreementTest {

    @Test
    void javaAndSqlDecideAlikeOnEveryKindOfRow() throws SQLException {
        String sql = "SELECT slot_bookable(ROW('X', DATE '2030-01-01', 'REGULAR', 'MORNING', ?, ?, ?, ?, ?, NULL)"
                + "::capacity, ?, ?), now()";
        List<String> disagreements = new ArrayList<>();
        int cases = 0;
        try (Connection c = RealInfrastructure.database().connect(); PreparedStatement st = c.prepareStatement(sql)) {
            c.setAutoCommit(false);   // one transaction: now() is the same instant for every row
            Instant now = null;
            for (int capacity : new int[] { 0, 1, 5 }) {
                for (int held = 0; held <= capacity; held++) {
                    for (int places : new int[] { 0, 1, 2, 5 }) {
                        for (long releaseOffset : new long[] { -3600, 0, 3600 }) {
                            for (int flags = 0; flags < 8; flags++) {
                                boolean closed = (flags & 1) != 0;
                                boolean ePassportClosed = (flags & 2) != 0;
                                boolean electronic = (flags & 4) != 0;
                                Instant base = now == null ? Instant.now() : now;
                                Instant releaseAt = base.plusSeconds(releaseOffset);
                                st.setInt(1, capacity);
                                st.setInt(2, held);
                                st.setTimestamp(3, Timestamp.from(releaseAt));
                                st.setBoolean(4, closed);
                                st.setBoolean(5, ePassportClosed);
                                st.setInt(6, places);
                                st.setBoolean(7, electronic);
                                boolean inSql;
                                try (ResultSet rs = st.executeQuery()) {
                                    rs.next();
                                    inSql = rs.getBoolean(1);
                                    now = rs.getTimestamp(2).toInstant();
                                }
                                if (now.equals(base) || releaseOffset != 0) {
                                    Capacity row = new Capacity();
                                    row.capacity = capacity;
                                    row.held = held;
                                    row.releaseAt = releaseAt;
                                    row.closed = closed;
                                    row.ePassportClosed = ePassportClosed;
                                    boolean inJava = row.bookability(places, electronic, now)
                                            == Capacity.Bookability.BOOKABLE;
                                    cases++;
                                    if (inJava != inSql) {
                                        disagreements.add("capacity=" + capacity + " held=" + held + " places="
                                                + places + " release" + releaseOffset + "s closed=" + closed
                                                + " ePassportClosed=" + ePassportClosed + " electronic=" + electronic
                                                + ": java " + inJava + ", sql " + inSql);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            c.rollback();
        }
        assertThat(cases).isGreaterThan(500);
        assertThat(disagreements).isEmpty();
    }

    @Test
    void theCheckConstraintIsTheRulesArithmetic() {
        assertThat((String) Quota.value("SELECT pg_get_constraintdef(oid) FROM pg_constraint"
                + " WHERE conname = 'capacity_never_exceeded'"))
                .isEqualTo("CHECK (((held >= 0) AND slot_fits(capacity, held, 0)))");
    }
}
