package dev.lite2pg.convert;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL's own json and jsonb input functions say about each text: {@code $1::json} and {@code $1::jsonb},
 * each in a PL/pgSQL exception block so a refused text becomes its SQLSTATE and message instead of an aborted query.
 * Texts go in batches as one text[] parameter, so thousands of inputs cost a few round trips.
 */
final class PostgresJsonInput {

    /** PostgreSQL's verdict on one text: null when accepted, else SQLSTATE and message. */
    record Verdict(String jsonError, String jsonbError) {
        boolean jsonAccepted() {
            return jsonError == null;
        }

        boolean jsonbAccepted() {
            return jsonbError == null;
        }
    }

    private static final int BATCH = 200;

    private final Connection connection;

    PostgresJsonInput(Connection connection) throws SQLException {
        this.connection = connection;
        try (Statement st = connection.createStatement()) {
            st.execute("""
                    CREATE FUNCTION pg_temp.input_error(t text, as_jsonb boolean) RETURNS text LANGUAGE plpgsql AS $$
                    BEGIN
                        IF as_jsonb THEN PERFORM t::jsonb; ELSE PERFORM t::json; END IF;
                        RETURN NULL;
                    EXCEPTION WHEN OTHERS THEN
                        RETURN SQLSTATE || ' ' || SQLERRM;
                    END $$""");
        }
    }

    List<Verdict> verdicts(List<String> texts) throws SQLException {
        List<Verdict> out = new ArrayList<>(texts.size());
        try (PreparedStatement ps =
                connection.prepareStatement("SELECT t, pg_temp.input_error(t, false), pg_temp.input_error(t, true)"
                        + " FROM unnest(?::text[]) WITH ORDINALITY AS u(t, i) ORDER BY i")) {
            for (int from = 0; from < texts.size(); from += BATCH) {
                List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
                Array array = connection.createArrayOf("text", batch.toArray());
                ps.setArray(1, array);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String text = texts.get(out.size());
                        if (!text.equals(rs.getString(1))) {
                            // The verdict would be about some other text: the array's quoting changed it.
                            throw new IllegalStateException("PostgreSQL received another text than " + text);
                        }
                        out.add(new Verdict(rs.getString(2), rs.getString(3)));
                    }
                }
                array.free();
            }
        }
        if (out.size() != texts.size()) {
            throw new IllegalStateException(out.size() + " verdicts for " + texts.size() + " texts");
        }
        return out;
    }
}
