package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;

import app.pathary.testing.TestDatabases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class MigrationsTest {
    private static List<String> migrations(String dialect) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void both_dialects_have_the_same_migration_versions_and_names() throws IOException {
        List<String> sqlite = migrations("sqlite");
        assertThat(sqlite).isNotEmpty().allMatch(name -> name.matches("V\\d+__[a-z0-9_]+\\.sql"));
        assertThat(migrations("postgresql")).isEqualTo(sqlite);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void migrations_run_on_an_empty_database_and_again_without_change(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            database.migrate();
            long tables = database.jdbi().withHandle(h -> h.createQuery(dialect == Dialect.SQLITE
                            ? "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('users','movies','watch_dates','sessions','api_tokens')"
                            : "SELECT count(*) FROM information_schema.tables WHERE table_name IN ('users','movies','watch_dates','sessions','api_tokens')")
                    .mapTo(Long.class).one());
            assertThat(tables).isEqualTo(5);
            assertThat(database.isUp()).isTrue();
        }
    }

    @Test
    void sqlite_connections_have_foreign_keys_and_wal_on() {
        try (Database database = TestDatabases.migrated(Dialect.SQLITE)) {
            assertThat((Integer) database.jdbi().withHandle(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one())).isEqualTo(1);
            assertThat((String) database.jdbi().withHandle(h -> h.createQuery("PRAGMA journal_mode").mapTo(String.class).one())).isEqualTo("wal");
            assertThat((Integer) database.reads().withHandle(h -> h.createQuery("PRAGMA busy_timeout").mapTo(Integer.class).one())).isPositive();
        }
    }
}
