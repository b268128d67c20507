package app.pathary.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the database is: a SQLite file or a PostgreSQL server, as a JDBC URL plus optional credentials; and whether
 * an empty new SQLite database may be created in a DATA_DIR that held one before ({@code ALLOW_NEW_DATABASE=true}).
 */
public record DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password, boolean allowNewDatabase) {
    public static final String ALLOW_NEW = "ALLOW_NEW_DATABASE";

    public DatabaseSettings(String jdbcUrl, Optional<String> user, Optional<String> password) {
        this(jdbcUrl, user, password, false);
    }

    /** The same settings, allowing (or not) a new database where one was before. */
    public DatabaseSettings allowingNewDatabase(boolean allow) {
        return new DatabaseSettings(jdbcUrl, user, password, allow);
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    /** The URL without credentials, for log lines. */
    public String redactedUrl() {
        return jdbcUrl.replaceAll("(?i)(password=)[^&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }

    static DatabaseSettings parse(Optional<String> url, Optional<String> user, Optional<String> password, Path dataDir) {
        if (url.isEmpty()) {
            return new DatabaseSettings("jdbc:sqlite:" + dataDir.resolve("pathary.db"), user, password);
        }
        String value = url.get();
        if (value.startsWith("jdbc:postgresql://") || value.startsWith("jdbc:sqlite:")) {
            return new DatabaseSettings(value, user, password);
        }
        if (value.startsWith("postgresql://") || value.startsWith("postgres://")) {
            return fromPostgresUri(value, user, password);
        }
        throw new ConfigException("DATABASE_URL must start with postgresql://, jdbc:postgresql:// or jdbc:sqlite:.");
    }

    private static DatabaseSettings fromPostgresUri(String value, Optional<String> user, Optional<String> password) {
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("DATABASE_URL is not a valid URL.");
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw new ConfigException("DATABASE_URL must name a host and a database, as postgresql://user:pass@host:5432/db.");
        }
        Optional<String> uriUser = user;
        Optional<String> uriPassword = password;
        if (uri.getRawUserInfo() != null) {
            String[] parts = uri.getRawUserInfo().split(":", 2);
            uriUser = user.or(() -> Optional.of(decode(parts[0])));
            if (parts.length == 2) {
                uriPassword = password.or(() -> Optional.of(decode(parts[1])));
            }
        }
        int port = uri.getPort() == -1 ? 5432 : uri.getPort();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        String jdbc = "jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getRawPath() + query;
        return new DatabaseSettings(jdbc, uriUser, uriPassword);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }
}
