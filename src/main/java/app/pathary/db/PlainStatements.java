package app.pathary.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * Runs one write statement straight on JDBC, on the connection and in the transaction of a JDBI handle. For the few
 * statements every webhook delivery runs, JDBI's own work per statement (a copy of its configuration, binding by name,
 * an argument factory looked up for each value, its cleanup list) costs more CPU than SQLite's. Parameters are given in
 * order as {@code ?}; each is a Long, an Integer or a String (stored as JDBI stores text: a NUL character becomes
 * U+FFFD), and a null is bound as a null string (the only nulls the callers have). On SQLite the prepared statement is the one {@link ReusedStatements} keeps for the connection (JDBI's
 * statements of the same SQL share it); on PostgreSQL it is prepared for the call, as JDBI does. A failure is thrown
 * as JDBI's {@link UnableToExecuteStatementException} with the {@link SQLException} as its cause, as from JDBI, so the
 * retry on a serialization failure and the fault reports see the same thing.
 */
public final class PlainStatements {
    private PlainStatements() {
    }

    /** Executes {@code sql} with {@code params} bound in order; the count of rows it changed. */
    public static int update(Handle h, String sql, Object... params) {
        try {
            Connection connection = h.getConnection();
            Connection physical = ReusedStatements.physical(connection);
            if (physical == connection) {
                try (PreparedStatement statement = connection.prepareStatement(sql)) {
                    bind(statement, params);
                    return statement.executeUpdate();
                }
            }
            PreparedStatement statement = ReusedStatements.borrow(physical, sql);
            boolean done = false;
            try {
                bind(statement, params);
                int changed = statement.executeUpdate();
                done = true;
                return changed;
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

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            switch (params[i]) {
                case null -> statement.setNull(i + 1, Types.VARCHAR);
                case Long l -> statement.setLong(i + 1, l);
                case Integer n -> statement.setInt(i + 1, n);
                case String s -> statement.setString(i + 1, Database.storedText(s));
                default -> throw new IllegalArgumentException("parameter " + (i + 1) + " is a " + params[i].getClass().getName());
            }
        }
    }
}
