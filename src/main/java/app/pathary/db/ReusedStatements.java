package app.pathary.db;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilderFactory;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Keeps SQLite's statements (the writer's and the readers') prepared for as long as their connection lives, so the same SQL is parsed and planned
 * once, not once per transaction. A webhook delivery arriving alone (a steady trickle, nothing to group) used to pay
 * for preparing each of its statements anew, because the pool hands out a fresh proxy of the connection each time and
 * the proxy closes every statement made through it. Statements are therefore prepared on the connection itself, kept
 * per connection (at most {@link #KEPT}, least recently used dropped), and found again by the next handle on that
 * connection. A statement still in use (an open result) is not shared: the same SQL then gets a statement of its own.
 * Each connection is used by one thread at a time (the pool's checkout orders them); a connection the pool
 * retires closes its statements, and a closed one is never handed out again.
 */
final class ReusedStatements implements StatementBuilder {
    /** At most this many statements kept per connection (SQL built at run time could otherwise pile up). */
    static final int KEPT = 64;
    private static final Map<Connection, Map<String, PreparedStatement>> BY_CONNECTION = new WeakHashMap<>();
    static final StatementBuilderFactory FACTORY = connection -> new ReusedStatements();
    private final StatementBuilder plain = new DefaultStatementBuilder();
    /** The SQL each statement in use was prepared from (JDBI closes a statement by its template, not its SQL). */
    private final Map<Statement, String> inUse = new IdentityHashMap<>();

    @Override
    public PreparedStatement create(Connection connection, String sql, StatementContext context) throws SQLException {
        Connection physical = physical(connection);
        PreparedStatement statement = takeIdle(physical, sql);
        if (statement == null) {
            statement = plain.create(physical, sql, context);
        }
        inUse.put(statement, sql);
        return statement;
    }

    @Override
    public void close(Connection connection, String template, Statement statement) throws SQLException {
        String sql = inUse.remove(statement);
        if (sql != null && statement instanceof PreparedStatement prepared && !statement.isClosed()) {
            Map<String, PreparedStatement> idle = idle(physical(connection));
            PreparedStatement dropped = null;
            synchronized (idle) {
                if (!idle.containsKey(sql)) {
                    prepared.clearParameters();
                    idle.put(sql, prepared);
                    if (idle.size() > KEPT) {
                        var eldest = idle.entrySet().iterator();
                        dropped = eldest.next().getValue();
                        eldest.remove();
                    }
                    statement = dropped;
                }
            }
            if (statement == null) {
                return;
            }
        }
        plain.close(connection, template, statement);
    }

    /** A handle ends: its statements stay with the connection for the next one. */
    @Override
    public void close(Connection connection) {
        inUse.clear();
    }

    @Override
    public Statement create(Connection connection, StatementContext context) throws SQLException {
        return plain.create(connection, context);
    }

    @Override
    public CallableStatement createCall(Connection connection, String sql, StatementContext context) throws SQLException {
        return plain.createCall(connection, sql, context);
    }

    /**
     * For {@link PlainStatements}: the idle statement of {@code sql} on this SQLite connection, or a newly prepared
     * one; it is the caller's until {@link #giveBack}.
     */
    static PreparedStatement borrow(Connection physical, String sql) throws SQLException {
        PreparedStatement statement = takeIdle(physical, sql);
        return statement != null ? statement : physical.prepareStatement(sql);
    }

    /** The idle statement of {@code sql} on this connection, cleared and taken out of the idle ones; null when none. */
    private static PreparedStatement takeIdle(Connection physical, String sql) throws SQLException {
        Map<String, PreparedStatement> idle = idle(physical);
        PreparedStatement statement;
        synchronized (idle) {
            statement = idle.remove(sql);
        }
        if (statement == null || statement.isClosed()) {
            return null;
        }
        statement.clearParameters();
        return statement;
    }

    /** Keeps a borrowed statement for the next use of its SQL on the connection (or closes it when one is kept). */
    static void giveBack(Connection physical, String sql, PreparedStatement statement) throws SQLException {
        Map<String, PreparedStatement> idle = idle(physical);
        PreparedStatement dropped = statement;
        synchronized (idle) {
            if (!idle.containsKey(sql) && !statement.isClosed()) {
                statement.clearParameters();
                idle.put(sql, statement);
                dropped = null;
                if (idle.size() > KEPT) {
                    var eldest = idle.entrySet().iterator();
                    dropped = eldest.next().getValue();
                    eldest.remove();
                }
            }
        }
        if (dropped != null) {
            dropped.close();
        }
    }

    /** The SQLite connection under the pool's proxy; any other connection as it is. */
    static Connection physical(Connection connection) throws SQLException {
        return connection.isWrapperFor(org.sqlite.SQLiteConnection.class) ? connection.unwrap(org.sqlite.SQLiteConnection.class) : connection;
    }

    private static Map<String, PreparedStatement> idle(Connection physical) {
        synchronized (BY_CONNECTION) {
            Map<String, PreparedStatement> idle = BY_CONNECTION.get(physical);
            if (idle == null) {
                // a new connection: forget the ones the pool retired (their statements hold them, so they are not weak)
                BY_CONNECTION.keySet().removeIf(ReusedStatements::closed);
                idle = new LinkedHashMap<>(16, 0.75f, true);
                BY_CONNECTION.put(physical, idle);
            }
            return idle;
        }
    }

    private static boolean closed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }
}
