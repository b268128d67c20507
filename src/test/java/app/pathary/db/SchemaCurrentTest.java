package app.pathary.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import app.pathary.testing.BothDialects;
import app.pathary.testing.TestDatabases;
import java.util.Map;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.junit.jupiter.api.Test;

/**
 * A start skips Flyway only when every migration of the build is applied exactly as Flyway would find it; in every
 * other case Flyway runs as before (migrates, or refuses with its own message).
 */
@BothDialects
class SchemaCurrentTest {

    @Test
    void the_checksum_of_every_migration_file_is_the_one_flyway_stored(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            Map<String, Integer> stored = java.util.Arrays.stream(flyway(database, dialect).load().info().applied())
                    .filter(info -> info.getVersion() != null)
                    .collect(Collectors.toMap(info -> info.getVersion().getVersion(), MigrationInfo::getChecksum));
            assertThat(SchemaCurrent.checksums(dialect.migrationFolder())).isNotEmpty().isEqualTo(stored);
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isTrue();
        }
    }

    @Test
    void a_database_behind_the_build_is_not_current_and_a_start_brings_it_up_to_date(Dialect dialect) {
        var settings = TestDatabases.fresh(dialect);
        try (Database database = Database.open(settings)) {
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isFalse(); // no history table
            flyway(database, dialect).target("3").load().migrate();
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isFalse();

            database.migrate();

            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isTrue();
            assertThat(flyway(database, dialect).load().info().pending()).isEmpty();
            assertThat(count(database, "SELECT count(*) FROM job_schedules")).isZero(); // a table of a later migration
        }
    }

    @Test
    void a_changed_script_is_not_current_and_flyway_still_refuses_it(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            database.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET checksum = checksum + 1 WHERE version = '2'"));

            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isFalse();
            assertThatThrownBy(database::migrate).hasMessageContaining("checksum");
        }
    }

    @Test
    void a_failed_or_unknown_migration_in_the_history_is_not_current(Dialect dialect) {
        try (Database database = TestDatabases.migrated(dialect)) {
            database.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = ? WHERE version = '1'", false));
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isFalse();
            database.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = ? WHERE version = '1'", true));
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isTrue();

            // a newer Pathary migrated this database: this older build must not pass it by silently
            database.jdbi().useHandle(h -> h.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, "
                    + "script, checksum, installed_by, installed_on, execution_time, success) "
                    + "SELECT max(installed_rank) + 1, '999', 'from the future', 'SQL', 'V999__from_the_future.sql', 1, 'test', "
                    + "max(installed_on), 1, ? FROM flyway_schema_history", true));
            assertThat(SchemaCurrent.check(database.writer(), dialect.migrationFolder())).isFalse();
        }
    }

    @Test
    void flyway_checksums_leave_out_line_endings_and_a_byte_order_mark() throws Exception {
        int plain = SchemaCurrent.checksum(stream("CREATE TABLE a (x INT);\nSELECT 1;\n"));
        assertThat(SchemaCurrent.checksum(stream("CREATE TABLE a (x INT);\r\nSELECT 1;"))).isEqualTo(plain);
        assertThat(SchemaCurrent.checksum(stream("\uFEFFCREATE TABLE a (x INT);\nSELECT 1;\n"))).isEqualTo(plain);
        assertThat(SchemaCurrent.checksum(stream("CREATE TABLE a (x INT);\nSELECT 2;\n"))).isNotEqualTo(plain);
    }

    private static java.io.InputStream stream(String text) {
        return new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static org.flywaydb.core.api.configuration.FluentConfiguration flyway(Database database, Dialect dialect) {
        return Flyway.configure().dataSource(database.writer()).locations("classpath:" + dialect.migrationFolder());
    }

    private static long count(Database database, String sql) {
        return database.jdbi().withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }
}
