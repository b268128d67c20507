package app.pathary.db;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * Reads a stored date without ever throwing: a page, an API answer or an export must not break on one odd row.
 * SQLite keeps dates as text, normally {@code yyyy-MM-dd}; any ISO date is read whole ({@code +10000-01-01},
 * {@code -0001-01-01}), a date followed by a time by its first ten characters, and text that holds no date at all is
 * read as "no date" (null). PostgreSQL's {@code DATE} is read by the driver ({@code infinity} included).
 */
final class StoredDates {
    private StoredDates() {
    }

    static LocalDate read(ResultSet rs, int column, Dialect dialect) throws SQLException {
        if (dialect == Dialect.POSTGRESQL) {
            try {
                return rs.getObject(column, LocalDate.class);
            } catch (SQLException | DateTimeException unreadable) {
                return parse(rs.getString(column));
            }
        }
        return parse(rs.getString(column));
    }

    static LocalDate parse(String text) {
        if (text == null) {
            return null;
        }
        String value = text.strip();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeException notWhole) {
            try {
                return value.length() > 10 ? LocalDate.parse(value.substring(0, 10)) : null;
            } catch (DateTimeException notADate) {
                return null;
            }
        }
    }
}
