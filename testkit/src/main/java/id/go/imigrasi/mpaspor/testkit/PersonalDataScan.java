package id.go.imigrasi.mpaspor.testkit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a person's identifiers (NIK, name, e-mail address, phone, passport number...) still appear in a service's
 * database: every text, character and JSON column of every table, searched for each needle. An erasure test asserts
 * the list is empty, so a table added later without an erasure rule fails the test instead of keeping data quietly.
 */
public final class PersonalDataScan {

    private static final String COLUMNS = "SELECT c.table_name, c.column_name FROM information_schema.columns c"
            + " JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name"
            + " WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'"
            + " AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb')"
            + " AND c.table_name NOT LIKE 'flyway%'"
            + " ORDER BY c.table_name, c.column_name";

    private PersonalDataScan() {
    }

    /** {@code table.column: needle} for each column holding a needle (as a substring), in table order. */
    public static List<String> traces(PostgresDatabase database, String... needles) {
        try (Connection c = database.connect()) {
            return traces(c, needles);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same over an open connection to any database (the e2e system's, for one). */
    public static List<String> traces(Connection c, String... needles) {
        List<String> found = new ArrayList<>();
        try {
            List<String[]> columns = new ArrayList<>();
            try (PreparedStatement st = c.prepareStatement(COLUMNS); ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    columns.add(new String[] { rs.getString(1), rs.getString(2) });
                }
            }
            for (String[] column : columns) {
                String sql = "SELECT count(*) FROM \"" + column[0] + "\" WHERE strpos(\"" + column[1] + "\"::text, ?) > 0";
                for (String needle : needles) {
                    try (PreparedStatement st = c.prepareStatement(sql)) {
                        st.setString(1, needle);
                        try (ResultSet rs = st.executeQuery()) {
                            if (rs.next() && rs.getLong(1) > 0) {
                                found.add(column[0] + "." + column[1] + ": " + needle);
                            }
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
