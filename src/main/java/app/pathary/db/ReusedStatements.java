package app.pathary.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps a handle's prepared statements until the handle closes, so the same SQL is prepared once per handle. On
 * SQLite's writer a {@link GroupCommit} batch runs many transactions on one handle: each of their statements is then
 * parsed and planned by SQLite once per batch instead of once per transaction. A statement still in use (an open
 * result) is not shared: the same SQL then gets a statement of its own.
 */
final class ReusedStatements implements StatementBuilder {
    static final StatementBuilderFactory FACTORY = connection -> new ReusedStatements();
    /** At most this many statements kept per handle (SQL built at run time could otherwise pile up). */
    static final int KEPT = 64;
    private final StatementBuilder plain = new DefaultStatementBuilder();
    private final Map<String, PreparedStatement> idle = new HashMap<>();
    /** The SQL each statement in use was prepared from (JDBI closes a statement by its template, not its SQL). */
    private final Map<Statement, String> inUse = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        PreparedStatement statement = idle.remove(sql);
        if (statement != null) {
            statement.clearParameters();
        } else {
            statement = plain.create(connection, sql, context);
        }
        inUse.put(statement, sql);
        return statement;
    }

    @Override
    public void close(Connection connection, String template, Statement statement) throws SQLException {
        String sql = inUse.remove(statement);
        if (sql != null && statement instanceof PreparedStatement prepared && !statement.isClosed() && !idle.containsKey(sql)
                && idle.size() < KEPT) {
            idle.put(sql, prepared);
            return;
        }
        plain.close(connection, template, statement);
    }

    @Override
    public void close(Connection connection) {
        inUse.clear();
        for (PreparedStatement statement : idle.values()) {
            try {
                statement.close();
            } catch (SQLException ignored) {
                // the connection goes back to the pool either way
            }
        }
        idle.clear();
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return plain.create(connection, context);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return plain.createCall(connection, sql, context);
    }
}
