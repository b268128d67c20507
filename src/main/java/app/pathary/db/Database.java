package app.pathary.db;

import app.pathary.common.DatabaseUnavailableException;
import app.pathary.config.DatabaseSettings;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;

/**
 * The connection pools and the JDBI handles over them. On SQLite there is exactly one writer connection
 * (WAL, foreign keys, busy timeout) and a small pool of read-only connections; on PostgreSQL both are one pool.
 * Repositories write through {@link #jdbi()}; read projections ({@code *Queries}) may use {@link #reads()}. Short,
 * frequent write transactions (history changes, webhook deliveries) go through {@link #writes()}, which on SQLite
 * commits them in groups.
 */
public final class Database implements AutoCloseable {
    private final Dialect dialect;
    private final HikariDataSource writer;
    private final HikariDataSource reader;
    private final Jdbi jdbi;
    private final Jdbi reads;
    private final GroupCommit groupCommit;
    private final WriteTransactions writes;
    private final DatabaseSettings settings;
    private final Optional<SqliteFile> file;
    private final WriteProbe probe;
    private volatile boolean migrated;

    private Database(DatabaseSettings settings, HikariDataSource writer, HikariDataSource reader) {
        this.settings = settings;
        this.dialect = Dialect.of(settings.jdbcUrl());
        this.writer = writer;
        this.reader = reader;
        this.file = SqliteFile.of(settings.jdbcUrl());
        // every write transaction first checks that the SQLite file is still the one opened (one stat)
        this.jdbi = configure(file.isEmpty() ? Jdbi.create(writer) : Jdbi.create(() -> {
            file.get().check();
            return writer.getConnection();
        }));
        if (dialect == Dialect.SQLITE) {
            jdbi.setStatementBuilderFactory(ReusedStatements.FACTORY);
        }
        this.reads = reader == writer ? jdbi : configure(Jdbi.create(reader));
        if (dialect == Dialect.SQLITE && reads != jdbi) {
            // the readers too: a webhook delivery's link lookup and every page's queries run the same few SQL texts
            reads.setStatementBuilderFactory(ReusedStatements.FACTORY);
        }
        this.groupCommit = dialect == Dialect.SQLITE ? new GroupCommit(jdbi) : null;
        this.writes = groupCommit != null ? groupCommit : new RetriedOnAbort(jdbi);
        this.probe = new WriteProbe(jdbi, file, PROBE_INTERVAL);
    }

    /** How often at most the health check writes its probe row. */
    static final java.time.Duration PROBE_INTERVAL = java.time.Duration.ofSeconds(3);

    /**
     * Tries the database once directly, then opens the pools. A database that cannot be used fails here at once with
     * one sentence ({@link DatabaseUnavailableException}: read-only, full disk, not a database, cannot be opened).
     */
    public static Database open(DatabaseSettings settings) {
        Dialect dialect = Dialect.of(settings.jdbcUrl());
        if (dialect == Dialect.SQLITE) {
            createParentFolder(settings.jdbcUrl());
            SqliteNative.prepare();
        }
        StartupCheck.run(settings);
        if (dialect == Dialect.SQLITE) {
            HikariDataSource writer = pool(settings, "pathary-sqlite-writer", 1, false);
            HikariDataSource reader = pool(settings, "pathary-sqlite-reader", 4, true);
            return new Database(settings, writer, reader);
        }
        HikariDataSource pool = pool(settings, "pathary-postgresql", 10, false);
        return new Database(settings, pool, pool);
    }

    /**
     * Refuses to create an empty SQLite database in a data directory that held one before (its {@code marker}, such as
     * the secret key written on the first start, is there but the database file is not): a deleted file would otherwise
     * silently give a fresh database whose first-run setup is open to anyone. {@code ALLOW_NEW_DATABASE=true} allows it.
     */
    public static void refuseLostDatabase(DatabaseSettings settings, Path marker) {
        var file = SqliteFile.path(settings.jdbcUrl());
        if (file.isEmpty() || settings.allowNewDatabase() || Files.exists(file.get()) || !Files.exists(marker)) {
            return;
        }
        throw new DatabaseUnavailableException("Pathary will not start over with an empty database: " + file.get() + " is missing, but " + marker
                + " shows that Pathary ran here before; restore the database from a backup, or set "
                + DatabaseSettings.ALLOW_NEW + "=true to start over with an empty database (and a new first-run setup).");
    }

    private static HikariDataSource pool(DatabaseSettings settings, String name, int size, boolean readOnly) {
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(settings.jdbcUrl());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(Math.min(size, 2));
        // SQLite's one writer may be held by a long transaction: a request waits up to 10 s for it, then answers 503
        config.setConnectionTimeout(10_000);
        config.setInitializationFailTimeout(-1);
        if (Dialect.of(settings.jdbcUrl()) == Dialect.SQLITE) {
            // sqlite-jdbc cannot switch a connection to read-only once open, so readers are read-only by use:
            // only *Queries classes get them. query_only makes SQLite itself refuse writes on them.
            if (readOnly) {
                config.setConnectionInitSql("PRAGMA query_only = true");
                // a page cache of up to 8 MiB (SQLite's default is 2 MiB): a 100,000-date history's index then stays in
                // the connection's cache instead of being copied in from the OS on every count
                config.addDataSourceProperty("cache_size", "-8192");
            }
            config.addDataSourceProperty("foreign_keys", "true");
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("busy_timeout", "10000");
            config.addDataSourceProperty("synchronous", "NORMAL");
            // sqlite-jdbc otherwise follows every INSERT (an upsert too) with a SELECT last_insert_rowid() of its own,
            // a statement prepared and stepped each time: about 5 % of a webhook delivery's CPU. Pathary reads new ids
            // with RETURNING, never through getGeneratedKeys (a house rule: HouseRulesTest).
            config.addDataSourceProperty("jdbc.get_generated_keys", "false");
        }
        return new HikariDataSource(config);
    }

    private static void createParentFolder(String jdbcUrl) {
        String file = jdbcUrl.substring("jdbc:sqlite:".length());
        if (file.isEmpty() || file.startsWith(":memory:") || file.startsWith("file:")) {
            return;
        }
        try {
            Path parent = Path.of(file).toAbsolutePath().getParent();
            Files.createDirectories(parent);
        } catch (java.io.IOException e) {
            throw new DatabaseUnavailableException("Pathary cannot use the SQLite database " + file
                    + ": its folder cannot be created (" + e.getMessage() + ").", e);
        }
    }

    private Jdbi configure(Jdbi handle) {
        if (dialect == Dialect.SQLITE) {
            // SQLite has no DATE type: dates are stored as ISO text (yyyy-MM-dd), which sorts correctly.
            handle.registerArgument(new IsoDateArgument());
        }
        // PostgreSQL text cannot hold U+0000 (the statement fails); no text Pathary stores means anything by it, so on
        // both dialects it is stored as U+FFFD, the replacement character, instead of failing the request.
        handle.registerArgument(new TextArgument());
        handle.registerColumnMapper(LocalDate.class, (rs, column, ctx) -> StoredDates.read(rs, column, dialect));
        return handle;
    }

    /** Runs the migrations of this dialect's folder (nothing to load or run when every one is applied already). */
    public void migrate() {
        try {
            if (SchemaCurrent.check(writer, dialect.migrationFolder())) {
                file.ifPresent(SqliteFile::remember);
                migrated = true;
                return;
            }
            Flyway.configure()
                    .dataSource(writer)
                    .locations("classpath:" + dialect.migrationFolder())
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            if (DatabaseFaults.reason(e, file.map(SqliteFile::path).orElse(null)).isPresent()) {
                throw StartupCheck.failure(settings, e);
            }
            throw e;
        }
        file.ifPresent(SqliteFile::remember);
        migrated = true;
    }

    /**
     * Whether the database answers a read now and takes a write (a probe row rewritten at most every few seconds,
     * answered within two seconds), and on SQLite whether its file is still the one opened; down with the reason otherwise.
     */
    public DatabaseHealth health() {
        DatabaseHealth read = readable();
        if (!read.up() || !migrated) {
            return read;
        }
        return probe.check();
    }

    /** The SQLite file this database writes, when it is one. */
    public Optional<SqliteFile> sqliteFile() {
        return file;
    }

    /** Whether this process has brought the schema up to date (readiness waits for it). */
    public boolean isMigrated() {
        return migrated;
    }

    /** Whether the database answers within two seconds (a health check must not hang on the pool's wait). */
    public boolean isUp() {
        return readable().up();
    }

    /** A read connection that answers within two seconds; down with the reason otherwise. */
    private DatabaseHealth readable() {
        var check = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try (Connection connection = reader.getConnection()) {
                return connection.isValid(2) ? DatabaseHealth.UP : DatabaseHealth.down("the database does not answer");
            } catch (SQLException e) {
                return DatabaseHealth.down(DatabaseFaults.reason(e, file.map(SqliteFile::path).orElse(null))
                        .orElse("the database does not answer"));
            }
        }, command -> Thread.ofVirtual().start(command));
        try {
            return check.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return DatabaseHealth.down("the database does not answer within 2 seconds");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DatabaseHealth.down("the health check was interrupted");
        }
    }

    /** The pool that writes (on PostgreSQL the one pool), for the migrations. */
    javax.sql.DataSource writer() {
        return writer;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Jdbi jdbi() {
        return jdbi;
    }

    public Jdbi reads() {
        return reads;
    }

    /** Write transactions that may share a commit with others (SQLite), see {@link WriteTransactions}. */
    public WriteTransactions writes() {
        return writes;
    }

    @Override
    public void close() {
        if (groupCommit != null) {
            groupCommit.close();
        }
        if (reader != writer) {
            reader.close();
        }
        writer.close();
    }

    private static final class TextArgument extends AbstractArgumentFactory<String> {
        TextArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(String value, ConfigRegistry config) {
            String stored = storedText(value);
            return (position, statement, ctx) -> statement.setString(position, stored);
        }
    }

    /** Text as it is stored: a NUL character (PostgreSQL refuses it in text) becomes U+FFFD on both dialects. */
    static String storedText(String value) {
        return value.indexOf('\u0000') < 0 ? value : value.replace('\u0000', '\uFFFD');
    }

    private static final class IsoDateArgument extends AbstractArgumentFactory<LocalDate> {
        IsoDateArgument() {
            super(Types.VARCHAR);
        }

        @Override
        protected Argument build(LocalDate value, ConfigRegistry config) {
            return (position, statement, ctx) -> bind(statement, position, value);
        }

        private static void bind(PreparedStatement statement, int position, LocalDate value) throws SQLException {
            statement.setString(position, value.toString());
        }
    }
}
