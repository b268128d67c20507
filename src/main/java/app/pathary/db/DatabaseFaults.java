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
    private static final String NO_CONNECTION = "no database connection became free in time (the database is busy or does not answer)";
    private static final String READ_ONLY = "the database is read-only (a read-only file, folder or disk)";

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
        String generic = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause(), depth++) {
            if (t instanceof DatabaseUnavailableException unavailable) {
                return Optional.of(unavailable.getMessage());
            }
            String named = named(t, sqliteFile);
            if (named == null) {
                continue;
            }
            if (!(t instanceof SQLTransientConnectionException) || named.equals(NO_CONNECTION) == false) {
                return Optional.of(named);
            }
            generic = named; // the pool's timeout: its cause, when it has one, says why
        }
        return Optional.ofNullable(generic);
    }

    private static String named(Throwable t, Path sqliteFile) {
        if (!(t instanceof SQLException)) {
            return null; // only the drivers' and the pool's own failures are read (a "malformed" JSON body is no database fault)
        }
        String message = String.valueOf(t.getMessage());
        String lower = message.toLowerCase(Locale.ROOT);
        String state = t instanceof SQLException sql && sql.getSQLState() != null ? sql.getSQLState() : "";
        if (lower.contains("sqlite_full") || lower.contains("database or disk is full") || state.equals("53100")
                || lower.contains("no space left")) {
            return "the disk is full (no space left on device)";
        }
        if (lower.contains("sqlite_readonly") || lower.contains("readonly database") || state.equals("25006")) {
            return diskFull(sqliteFile) ? "the disk is full (no space left on device)" : READ_ONLY;
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
            return diskFull(sqliteFile) ? "the disk is full (no space left on device)" : readOnlyDisk(sqliteFile) ? READ_ONLY
                    : "the database file cannot be opened (a missing folder, or no permission)";
        }
        if (lower.contains("sqlite_ioerr") || lower.contains("disk i/o error")) {
            return diskFull(sqliteFile) ? "the disk is full (no space left on device)" : readOnlyDisk(sqliteFile) ? READ_ONLY
                    : "the disk reports an I/O error";
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
            return NO_CONNECTION;
        }
        return null;
    }

    /** Whether the disk that holds {@code file} is mounted read-only. */
    static boolean readOnlyDisk(Path file) {
        try {
            Path existing = existing(file);
            return existing != null && Files.getFileStore(existing).isReadOnly();
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    private static Path existing(Path file) {
        if (file == null) {
            return null;
        }
        Path existing = file.toAbsolutePath();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        return existing;
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
