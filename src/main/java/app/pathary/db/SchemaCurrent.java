package app.pathary.db;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Whether every migration of this build is already applied, exactly as Flyway would find it: then a start (and every
 * CLI command) need not load Flyway, which parses every migration script again to validate it (about a fifth of a
 * short command's CPU). The answer is "current" only when the schema history holds exactly the migration files of
 * the dialect's folder, each applied successfully with the checksum of its file, and nothing else; anything else
 * (a pending, failed, changed or unknown migration, no history table, a read that fails) is "not known to be
 * current", and Flyway runs as before: it migrates, or refuses with its own message.
 */
final class SchemaCurrent {
    private static final Pattern VERSIONED = Pattern.compile("V(\\d+(?:[._]\\d+)*)__.+\\.sql");

    private SchemaCurrent() {
    }

    static boolean check(DataSource dataSource, String folder) {
        Map<String, Integer> files;
        try {
            files = checksums(folder);
        } catch (RuntimeException e) {
            return false;
        }
        if (files.isEmpty()) {
            return false;
        }
        Map<String, Integer> applied = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            // asked first, so that a new database's first start does not leave an error in PostgreSQL's log
            try (ResultSet table = connection.getMetaData().getTables(null, connection.getSchema(), "flyway_schema_history", null)) {
                if (!table.next()) {
                    return false;
                }
            }
            return applied(connection, applied) && applied.equals(files);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean applied(Connection connection, Map<String, Integer> applied) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT version, checksum, success, type FROM flyway_schema_history")) {
            while (rows.next()) {
                String version = rows.getString(1);
                int checksum = rows.getInt(2);
                boolean checksumMissing = rows.wasNull();
                boolean success = rows.getBoolean(3);
                String type = rows.getString(4);
                if ("SCHEMA".equals(type) && version == null && success) {
                    continue; // the row Flyway writes when it created the PostgreSQL schema itself
                }
                if (!success || !"SQL".equals(type) || version == null || checksumMissing
                        || applied.put(version, checksum) != null) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The version and Flyway checksum of each versioned migration file in {@code folder} (a classpath folder). */
    static Map<String, Integer> checksums(String folder) {
        ClassLoader loader = SchemaCurrent.class.getClassLoader();
        Map<String, Integer> result = new HashMap<>();
        for (String name : fileNames(loader, folder)) {
            Matcher matcher = VERSIONED.matcher(name);
            if (!matcher.matches()) {
                continue;
            }
            String version = matcher.group(1).replace('_', '.');
            try (InputStream in = loader.getResourceAsStream(folder + "/" + name)) {
                if (in == null || result.put(version, checksum(in)) != null) {
                    throw new IllegalStateException("migration " + name + " cannot be read or is there twice");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return result;
    }

    /**
     * Flyway's checksum of a migration script: a CRC-32 over the UTF-8 bytes of each line without its line ending, with
     * a byte order mark at the start left out.
     */
    static int checksum(InputStream in) throws IOException {
        var crc = new java.util.zip.CRC32();
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        boolean first = true;
        while ((line = reader.readLine()) != null) {
            if (first && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
            first = false;
            crc.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return (int) crc.getValue();
    }

    private static Iterable<String> fileNames(ClassLoader loader, String folder) {
        URL url = loader.getResource(folder);
        if (url == null) {
            return java.util.List.of();
        }
        try {
            if ("file".equals(url.getProtocol())) {
                try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
                    return files.map(path -> path.getFileName().toString()).toList();
                }
            }
            if ("jar".equals(url.getProtocol()) && url.openConnection() instanceof JarURLConnection jar) {
                String prefix = folder.endsWith("/") ? folder : folder + "/";
                return jar.getJarFile().stream()
                        .map(java.util.zip.ZipEntry::getName)
                        .filter(name -> name.startsWith(prefix) && name.indexOf('/', prefix.length()) < 0
                                && name.length() > prefix.length())
                        .map(name -> name.substring(prefix.length()))
                        .toList();
            }
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the migration folder " + folder + " cannot be listed", e);
        }
        throw new IllegalStateException("the migration folder " + folder + " is in an unknown place: " + url);
    }
}
