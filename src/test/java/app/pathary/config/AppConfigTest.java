package app.pathary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppConfigTest {
    private static AppConfig config(Map<String, String> env) {
        return AppConfig.from(new Environment(env));
    }

    @Test
    void defaults_are_sqlite_in_data_port_8080_and_utc() {
        AppConfig config = config(Map.of());
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:sqlite:" + Path.of("./data").resolve("pathary.db"));
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.timezone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(config.applicationUrl()).isEmpty();
        assertThat(config.jellyfinAppName()).isEqualTo("Pathary");
    }

    @Test
    void a_postgresql_url_becomes_a_jdbc_url_with_its_credentials_and_a_redacted_form() {
        AppConfig config = config(Map.of("DATABASE_URL", "postgresql://pathary:s%40cret@db.local/pathary?sslmode=disable"));
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://db.local:5432/pathary?sslmode=disable");
        assertThat(config.database().user()).contains("pathary");
        assertThat(config.database().password()).contains("s@cret");
        assertThat(config.database().isPostgres()).isTrue();
        assertThat(config.database().redactedUrl()).doesNotContain("cret");
    }

    @Test
    void database_user_and_password_variables_win_over_the_url() {
        AppConfig config = config(Map.of("DATABASE_URL", "jdbc:postgresql://h:5433/db", "DATABASE_USER", "u", "DATABASE_PASSWORD", "p"));
        assertThat(config.database().jdbcUrl()).isEqualTo("jdbc:postgresql://h:5433/db");
        assertThat(config.database().user()).contains("u");
        assertThat(config.database().password()).contains("p");
    }

    @Test
    void a_secret_can_come_from_a_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("pw");
        Files.writeString(file, "from-file\n");
        AppConfig config = config(Map.of("DATABASE_URL", "jdbc:postgresql://h/db", "DATABASE_PASSWORD_FILE", file.toString()));
        assertThat(config.database().password()).contains("from-file");
    }

    @Test
    void each_invalid_value_stops_startup_with_a_sentence_naming_the_variable() {
        assertThatThrownBy(() -> config(Map.of("HTTP_PORT", "eighty"))).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("HTTP_PORT must be a port number");
        assertThatThrownBy(() -> config(Map.of("HTTP_PORT", "70000"))).hasMessageContaining("HTTP_PORT");
        assertThatThrownBy(() -> config(Map.of("TIMEZONE", "Mars/Olympus"))).hasMessageStartingWith("TIMEZONE must be an IANA");
        assertThatThrownBy(() -> config(Map.of("DATABASE_URL", "mysql://x/y"))).hasMessageStartingWith("DATABASE_URL must start with");
        assertThatThrownBy(() -> config(Map.of("DATABASE_URL", "postgresql://host-only"))).hasMessageStartingWith("DATABASE_URL must name");
        assertThatThrownBy(() -> config(Map.of("APPLICATION_URL", "ftp://x"))).hasMessageStartingWith("APPLICATION_URL must be");
        assertThatThrownBy(() -> config(Map.of("DATABASE_PASSWORD_FILE", "/nonexistent/pw"))).hasMessageStartingWith("DATABASE_PASSWORD_FILE names");
        assertThatThrownBy(() -> config(Map.of("HTTP_PORT", "1", "HTTP_PORT_FILE", "/x"))).hasMessageContaining("set only one");
    }

    @Test
    void application_url_loses_its_trailing_slash() {
        assertThat(config(Map.of("APPLICATION_URL", "https://pathary.example.org/")).applicationUrl())
                .hasValueSatisfying(uri -> assertThat(uri.toString()).isEqualTo("https://pathary.example.org"));
    }

    @Test
    void the_secret_key_is_generated_once_and_kept(@TempDir Path dir) {
        byte[] first = SecretKey.load(java.util.Optional.empty(), dir);
        byte[] second = SecretKey.load(java.util.Optional.empty(), dir);
        assertThat(first).hasSize(32).isEqualTo(second);
        assertThat(SecretKey.load(java.util.Optional.of("a long enough application secret"), dir)).hasSize(32).isNotEqualTo(first);
        assertThatThrownBy(() -> SecretKey.load(java.util.Optional.of("short"), dir)).hasMessageStartingWith("APP_SECRET must");
    }
}
