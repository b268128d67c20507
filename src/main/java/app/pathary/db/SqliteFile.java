package app.pathary.db;

import app.pathary.common.DatabaseUnavailableException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SQLite file and the identity (device and inode) it had when Pathary opened it. SQLite keeps writing to a file
 * that was deleted (or renamed away) under it, so every write after that would be acknowledged and lost. {@link #check}
 * costs one {@code stat}; once the file is gone or replaced, it refuses every later write for good (a restart opens
 * the file that is there now), and says so loudly once.
 */
public final class SqliteFile {
    private static final Logger LOG = LoggerFactory.getLogger(SqliteFile.class);
    private final Path path;
    private volatile Object identity;
    private volatile String broken;

    private SqliteFile(Path path) {
        this.path = path;
    }

    /** The file a {@code jdbc:sqlite:} URL names; empty for an in-memory database or a {@code file:} URI. */
    public static Optional<SqliteFile> of(String jdbcUrl) {
        return path(jdbcUrl).map(SqliteFile::new);
    }

    /** The file path of a {@code jdbc:sqlite:} URL, without its query. */
    public static Optional<Path> path(String jdbcUrl) {
        if (!jdbcUrl.startsWith("jdbc:sqlite:")) {
            return Optional.empty();
        }
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        int query = file.indexOf('?');
        file = query >= 0 ? file.substring(0, query) : file;
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(file).toAbsolutePath());
    }

    public Path path() {
        return path;
    }

    /** Notes the file's identity now that it is open (after the migrations created it). */
    void remember() {
        identity = identity();
    }

    /** Throws when the file was deleted or replaced since {@link #remember}; the reason stays. */
    public void check() {
        String reason = broken;
        if (reason == null) {
            Object expected = identity;
            if (expected == null) {
                return;
            }
            Object now = identity();
            if (expected.equals(now)) {
                return;
            }
            reason = now == null ? "the database file " + path + " was deleted while Pathary ran"
                    : "the database file " + path + " was replaced by another file while Pathary ran";
            synchronized (this) {
                if (broken == null) {
                    broken = reason;
                    LOG.error("{}; Pathary refuses every write from now on, so that nothing is acknowledged and then lost. "
                            + "Put the file back (or restore it from a backup) and restart Pathary.", reason);
                }
            }
        }
        throw new DatabaseUnavailableException("The database cannot be written: " + reason + "; restore it and restart Pathary.");
    }

    private Object identity() {
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Object key = attributes.fileKey();
            return key != null ? key : attributes.creationTime();
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return null;
        }
    }
}
