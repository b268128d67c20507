package app.pathary.db;

import app.pathary.common.DatabaseUnavailableException;
import app.pathary.config.DatabaseSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Properties;

/**
 * Tries the database once, directly (no pool, so a failure is known at once instead of after the pool's wait), before
 * Pathary starts on it, and turns what went wrong into one sentence that names the file or server and the reason: a
 * read-only file, a full disk, a file that is not a database, a file or server that cannot be opened.
 */
final class StartupCheck {
    private static final byte[] SQLITE_HEADER = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private StartupCheck() {
    }

    static void run(DatabaseSettings settings) {
        var file = SqliteFile.path(settings.jdbcUrl());
        if (file.isPresent()) {
            sqliteFile(file.get());
        }
        Properties properties = new Properties();
        settings.user().ifPresent(user -> properties.setProperty("user", user));
        settings.password().ifPresent(password -> properties.setProperty("password", password));
        if (file.isPresent()) {
            properties.setProperty("journal_mode", "WAL");
            properties.setProperty("busy_timeout", "2000");
        } else {
            properties.setProperty("connectTimeout", "5");
            properties.setProperty("loginTimeout", "5");
        }
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), properties);
                Statement statement = connection.createStatement()) {
            if (file.isPresent()) {
                // takes the write lock, which needs the journal files: a read-only or full disk fails here
                statement.execute("BEGIN IMMEDIATE");
                statement.execute("ROLLBACK");
            } else {
                statement.execute("SELECT 1");
            }
        } catch (SQLException e) {
            throw failure(settings, e);
        }
    }

    /** The sentence for a database that failed at startup (here, or later while migrating). */
    static DatabaseUnavailableException failure(DatabaseSettings settings, Throwable e) {
        var file = SqliteFile.path(settings.jdbcUrl());
        String where = file.map(path -> "the SQLite database " + path).orElse("the database " + settings.redactedUrl());
        String reason = DatabaseFaults.reason(e, file.orElse(null)).orElse(null);
        if (reason == null) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
            reason = "it failed (" + message.strip() + ")";
        }
        return new DatabaseUnavailableException("Pathary cannot use " + where + ": " + reason + ".", e);
    }

    private static void sqliteFile(Path path) {
        if (Files.isDirectory(path)) {
            throw new DatabaseUnavailableException("Pathary cannot use the SQLite database " + path + ": it is a folder, not a file.");
        }
        if (!Files.exists(path)) {
            Path parent = path.getParent();
            if (parent != null && Files.exists(parent) && !Files.isDirectory(parent)) {
                throw new DatabaseUnavailableException("Pathary cannot use the SQLite database " + path + ": " + parent + " is not a folder.");
            }
            return;
        }
        byte[] head = new byte[SQLITE_HEADER.length];
        int read;
        try (InputStream in = Files.newInputStream(path)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new DatabaseUnavailableException("Pathary cannot use the SQLite database " + path
                    + ": the database file cannot be opened (" + e.getMessage() + ").", e);
        }
        if (read > 0 && !Arrays.equals(head, SQLITE_HEADER)) {
            throw new DatabaseUnavailableException("Pathary cannot use the SQLite database " + path
                    + ": the file is not a SQLite database (point DATABASE_URL or DATA_DIR at the right file).");
        }
    }
}
