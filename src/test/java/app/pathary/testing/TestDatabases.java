package app.pathary.testing;

import app.pathary.config.DatabaseSettings;
import app.pathary.db.Database;
import app.pathary.db.Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests: a new SQLite file, or a new database on one embedded PostgreSQL server (real
 * PostgreSQL binaries from Maven, started once per test JVM and stopped when it exits).
 */
public final class TestDatabases {
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** Settings of an empty database of the dialect. */
    public static DatabaseSettings fresh(Dialect dialect) {
        return dialect == Dialect.SQLITE ? freshSqlite() : freshPostgres();
    }

    /** An open, migrated, empty database of the dialect. */
    public static Database migrated(Dialect dialect) {
        Database database = Database.open(fresh(dialect));
        database.migrate();
        return database;
    }

    /** The environment a command line or an app reads these settings from: DATABASE_URL, and DATABASE_USER/_PASSWORD when set. */
    public static Map<String, String> environment(DatabaseSettings settings) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", settings.jdbcUrl());
        settings.user().ifPresent(user -> env.put("DATABASE_USER", user));
        settings.password().ifPresent(password -> env.put("DATABASE_PASSWORD", password));
        return env;
    }

    public static DatabaseSettings freshSqlite() {
        Path dir = TempFolders.create("pathary-sqlite");
        return new DatabaseSettings("jdbc:sqlite:" + dir.resolve("test.db"), Optional.empty(), Optional.empty());
    }

    public static synchronized DatabaseSettings freshPostgres() {
        EmbeddedPostgres server = postgres();
        String name = "pathary_test_" + COUNTER.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create a test database", e);
        }
        return new DatabaseSettings(server.getJdbcUrl("postgres", name), Optional.of("postgres"), Optional.of("postgres"));
    }

    /** Makes a PostgreSQL test database refuse connections and drops those it has, as if the server went away. */
    public static synchronized void cutOff(DatabaseSettings settings) {
        String name = settings.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        try (Connection connection = postgres().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            connection.createStatement().execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot cut the test database off", e);
        }
    }

    /** Undoes {@link #cutOff}: the database accepts connections again. */
    public static synchronized void reconnect(DatabaseSettings settings) {
        String name = settings.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        try (Connection connection = postgres().getPostgresDatabase().getConnection()) {
            connection.createStatement().execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reconnect the test database", e);
        }
    }

    /** The embedded server's port (for tests that pass DATABASE_URL as a postgresql:// URL). */
    public static synchronized int postgresPort() {
        return postgres().getPort();
    }

    private static EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
