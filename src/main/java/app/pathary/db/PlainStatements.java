package app.pathary.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs one statement straight on JDBC, on the connection and in the transaction of a JDBI handle. For the few
 * statements every webhook delivery runs (its key, its log row, its movie's lookup, its play), JDBI's own work per
 * statement (a copy of its configuration, binding by name, an argument factory looked up for each value, its cleanup
 * list) costs more CPU than SQLite's.
 *
 * <p>Parameters are given in order as {@code ?}; each is a Long, an Integer, a String (stored as JDBI stores text: a
 * NUL character becomes U+FFFD) or a LocalDate (as JDBI stores it: ISO text on SQLite, a DATE on PostgreSQL), and a
 * null is bound as a null string (the only nulls the callers have; an unknown date is written as the literal NULL in
 * the SQL). On SQLite the prepared statement is the one {@link ReusedStatements} keeps for the connection (JDBI's
 * statements of the same SQL share it); on PostgreSQL it is prepared for the call, as JDBI does. A failure is thrown
 * as JDBI's {@link UnableToExecuteStatementException} with the {@link SQLException} as its cause, as from JDBI, so the
 * retry on a serialization failure and the fault reports see the same thing.
 */
public final class PlainStatements {
    private PlainStatements() {
    }

    /** Reads one row of a result; its columns are read by name. */
    @FunctionalInterface
    public interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Executes {@code sql} with {@code params} bound in order; the count of rows it changed. */
    public static int update(Handle h, String sql, Object... params) {
        return run(h, sql, params, PreparedStatement::executeUpdate);
    }

    /** The first row {@code sql} answers, read by {@code row}; empty when it answers none. */
    public static <T> Optional<T> first(Handle h, String sql, Row<T> row, Object... params) {
        return run(h, sql, params, statement -> {
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? Optional.of(row.read(rs)) : Optional.<T>empty();
            }
        });
    }

    private interface Execution<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    private static <T> T run(Handle h, String sql, Object[] params, Execution<T> execution) {
        try {
            Connection connection = h.getConnection();
            Connection physical = ReusedStatements.physical(connection);
            if (physical == connection) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, params, false);
                    return execution.run(statement);
                }
            }
            PreparedStatement statement = ReusedStatements.borrow(physical, sql);
            boolean done = false;
            try {
                bind(statement, params, true);
                T result = execution.run(statement);
                done = true;
                return result;
            } finally {
                if (done) {
                    ReusedStatements.giveBack(physical, sql, statement);
                } else {
                    statement.close();
                }
            }
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException(e, null);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params, boolean sqlite) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            switch (params[i]) {
                case null -> statement.setNull(i + 1, Types.VARCHAR);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case String s -> statement.setString(i + 1, Database.storedText(s));
                case LocalDate d when sqlite -> statement.setString(i + 1, d.toString());
                case LocalDate d -> statement.setObject(i + 1, d);
                default -> throw new IllegalArgumentException("parameter " + (i + 1) + " is a " + params[i].getClass().getName());
            }
        }
    }
}
