package app.pathary.common;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads nullable numbers from a result set the same way on SQLite and PostgreSQL. */
public final class Rows {
    private Rows() {
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }
}
