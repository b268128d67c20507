package app.pathary.db;

import app.pathary.common.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;
import java.util.Optional;

/**
 * Names what is wrong with the database from a failure, in words for a person: a full disk, a read-only or locked
 * database, a file that is not a database or cannot be opened, a server that cannot be reached or has no free
 * connection. A failure that is none of these (a bug, a constraint) is not named: it stays an unexpected error.
 */
public final class DatabaseFaults {
    private static final long NEARLY_FULL = 64 * 1024;

    private DatabaseFaults() {
    }

    /** The reason, e.g. "the disk is full (no space left on device)", when {@code failure} comes from a database fault. */
    public static Optional<String> reason(Throwable failure) {
        return reason(failure, null);
    }

    /**
     * As {@link #reason(Throwable)}; with the SQLite file, a "read-only" or I/O error on a disk with no space left is
     * named a full disk (SQLite reports a full disk that way when it cannot create its journal files).
     */
    public static Optional<String> reason(Throwable failure, Path sqliteFile) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unavailable.getMessage());
            }
            String named = named(t, sqliteFile);
            if (named != null) {
                return Optional.of(named);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return Optional.empty();
    }

    private static String named(Throwable t, Path sqliteFile) {
        String message = String.valueOf(t.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (lower.contains("sqlite_full") || lower.contains("database or disk is full") || state.equals("53100")
                || lower.contains("no space left")) {
            return "the disk is full (no space left on device)";
        }
        if (lower.contains("sqlite_readonly") || lower.contains("readonly database") || state.equals("25006")) {
            return diskFull(sqliteFile) ? "the disk is full (no space left on device)"
                    : "the database is read-only (a read-only file, folder or disk)";
        }
        if (lower.contains("sqlite_busy") || lower.contains("sqlite_locked") || lower.contains("database is locked")) {
            return "the database is locked by another program";
        }
        if (lower.contains("sqlite_notadb") || lower.contains("file is not a database")) {
            return "the file is not a SQLite database";
        }
        if (lower.contains("sqlite_corrupt") || lower.contains("malformed")) {
            return "the database file is damaged";
        }
        if (lower.contains("sqlite_cantopen") || lower.contains("unable to open database")) {
            return "the database file cannot be opened (a missing folder, or no permission)";
        }
        if (lower.contains("sqlite_ioerr") || lower.contains("disk i/o error")) {
            return diskFull(sqliteFile) ? "the disk is full (no space left on device)" : "the disk reports an I/O error";
        }
        if (state.equals("53300") || lower.contains("too many clients") || lower.contains("remaining connection slots")) {
            return "the database server has no free connection (its connection limit is reached)";
        }
        if (state.equals("55000") && lower.contains("not currently accepting connections")) {
            return "the database does not accept connections";
        }
        if (state.startsWith("57P")) {
            return "the database server is shutting down or starting";
        }
        if (state.equals("3D000")) {
            return "the database does not exist on the server";
        }
        if (state.startsWith("28")) {
            return "the database server refused the user name or password";
        }
        if (state.startsWith("08")) {
            return "the database server cannot be reached";
        }
        if (t instanceof SQLTransientConnectionException) {
            return "no database connection became free in time (the database is busy or does not answer)";
        }
        return null;
    }

    /** Whether the disk that holds {@code file} (or its folder) has (nearly) no space left. */
    static boolean diskFull(Path file) {
        if (file == null) {
            return false;
        }
        try {
            Path existing = file.toAbsolutePath();
            while (existing != null && !Files.exists(existing)) {
                existing = existing.getParent();
            }
            return existing != null && Files.getFileStore(existing).getUsableSpace() < NEARLY_FULL;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }
}
