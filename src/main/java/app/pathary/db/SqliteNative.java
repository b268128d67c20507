package app.pathary.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Keeps sqlite-jdbc's native library in one private folder, so that a start loads it as it is instead of writing it
 * to the temporary folder again and comparing it there byte by byte (and listing the whole temporary folder to
 * tidy it): together about a tenth of a short CLI command's CPU. The folder, {@code pathary-sqlite-<user>} in the
 * temporary folder, is made readable by its owner only and used only while it is still theirs and private; a library
 * is written under a temporary name and moved into place whole, named after the sqlite-jdbc version. Whenever any of
 * this is not possible, sqlite-jdbc loads its library its own way, as before.
 */
final class SqliteNative {
    private static final String PATH = "org.sqlite.lib.path";
    private static final String NAME = "org.sqlite.lib.name";
    private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");
    private static volatile boolean prepared;

    private SqliteNative() {
    }

    static void prepare() {
        if (prepared) {
            return;
        }
        synchronized (SqliteNative.class) {
            if (prepared || System.getProperty(PATH) != null || System.getProperty("org.sqlite.tmpdir") != null) {
                prepared = true;
                return;
            }
            try {
                place(Path.of(System.getProperty("java.io.tmpdir"), "pathary-sqlite-" + System.getProperty("user.name", "user")));
            } catch (IOException | RuntimeException e) {
                // sqlite-jdbc extracts the library itself, as it always did
            }
            prepared = true;
        }
    }

    /** Puts the library into {@code folder} and points sqlite-jdbc at it; refuses a folder that is not private. */
    static void place(Path folder) throws IOException {
        String name = System.mapLibraryName("sqlitejdbc");
        String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/" + name;
        if (SqliteNative.class.getResource(resource) == null) {
            return;
        }
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (FileAlreadyExistsException e) {
            // made by an earlier start: used only if it is still ours and private (checked below)
        }
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)
                || !Files.getOwner(folder, LinkOption.NOFOLLOW_LINKS).getName().equals(System.getProperty("user.name"))
                || !Files.getPosixFilePermissions(folder, LinkOption.NOFOLLOW_LINKS).equals(PRIVATE)) {
            throw new AccessDeniedException(folder.toString(), null, "not a private folder of this user");
        }
        // not "sqlite-<version>...": sqlite-jdbc deletes files so named from its temporary folder when it starts
        String file = "pathary-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-" + name;
        Path library = folder.resolve(file);
        if (!Files.isRegularFile(library, LinkOption.NOFOLLOW_LINKS)) {
            Path partial = Files.createTempFile(folder, file, ".partial");
            try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
                Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                Files.move(partial, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        System.setProperty("org.sqlite.tmpdir", folder.toString());
        System.setProperty(PATH, folder.toString());
        System.setProperty(NAME, file);
    }
}
