package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** sqlite-jdbc's library is loaded from one private folder, written there once and whole. */
class SqliteNativeTest {
    @TempDir
    Path temp;

    @Test
    void the_library_is_written_once_into_a_private_folder_and_sqlite_loads_it_from_there() throws Exception {
        String before = System.getProperty("org.sqlite.lib.path");
        Path folder = temp.resolve("native");
        try {
            SqliteNative.place(folder);

            Path library = folder.resolve(System.getProperty("org.sqlite.lib.name"));
            assertThat(Files.getPosixFilePermissions(folder)).isEqualTo(PosixFilePermissions.fromString("rwx------"));
            String resource = "/org/sqlite/native/" + org.sqlite.util.OSInfo.getNativeLibFolderPathForCurrentOS() + "/"
                    + System.mapLibraryName("sqlitejdbc");
            try (InputStream in = SqliteNative.class.getResourceAsStream(resource)) {
                assertThat(Files.readAllBytes(library)).isEqualTo(in.readAllBytes());
            }
            long written = Files.getLastModifiedTime(library).toMillis();
            Files.setLastModifiedTime(library, java.nio.file.attribute.FileTime.fromMillis(written - 60_000));
            SqliteNative.place(folder);
            assertThat(Files.getLastModifiedTime(library).toMillis()).isEqualTo(written - 60_000); // not written again
            try (var files = Files.list(folder)) { // no partial copy left behind
                assertThat(files.map(p -> p.getFileName().toString())).containsExactly(library.getFileName().toString());
            }
            try (var connection = DriverManager.getConnection("jdbc:sqlite:" + temp.resolve("a.db"))) {
                assertThat(connection.createStatement().executeQuery("SELECT sqlite_version()").next()).isTrue();
            }
        } finally {
            restore(before);
        }
    }

    @Test
    void a_folder_others_may_write_is_not_used() throws Exception {
        String before = System.getProperty("org.sqlite.lib.path");
        Path folder = Files.createDirectory(temp.resolve("shared"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx")));
        Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxrwxrwx"));

        assertThatThrownBy(() -> SqliteNative.place(folder)).isInstanceOf(AccessDeniedException.class);
        assertThat(System.getProperty("org.sqlite.lib.path")).isEqualTo(before);
        try (var files = Files.list(folder)) {
            assertThat(files).isEmpty();
        }
    }

    private static void restore(String path) {
        if (path == null) {
            System.clearProperty("org.sqlite.lib.path");
            System.clearProperty("org.sqlite.lib.name");
            System.clearProperty("org.sqlite.tmpdir");
        }
    }
}
