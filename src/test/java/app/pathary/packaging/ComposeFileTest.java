package app.pathary.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * compose.yaml and the Kubernetes manifests as a self-hoster reads them: Pathary alone keeps SQLite in a volume, the
 * postgresql profile adds the database, and every variable they set is one the README documents (a misspelt name
 * would be silently ignored by Pathary).
 */
class ComposeFileTest {
    private static final Pattern VARIABLE = Pattern.compile("`([A-Z][A-Z0-9_]+)`");

    @Test
    void pathary_alone_keeps_its_data_in_a_volume_and_reads_its_secret_from_a_file() {
        JsonNode compose = Kustomization.read(Path.of("compose.yaml")).getFirst();
        JsonNode pathary = compose.path("services").path("pathary");
        assertThat(pathary.has("profiles")).isFalse();
        assertThat(pathary.path("volumes").get(0).asText()).isEqualTo("pathary-data:/data");
        assertThat(pathary.path("environment").path("APP_SECRET_FILE").asText()).isEqualTo("/run/secrets/app_secret");
        assertThat(pathary.path("environment").path("DATABASE_URL").asText()).isEqualTo("${DATABASE_URL:-}");
        assertThat(compose.path("volumes").has("pathary-data")).isTrue();
    }

    @Test
    void the_postgresql_profile_adds_the_database_that_its_env_file_points_pathary_at() throws Exception {
        JsonNode compose = Kustomization.read(Path.of("compose.yaml")).getFirst();
        JsonNode postgres = compose.path("services").path("postgres");
        assertThat(postgres.path("profiles").get(0).asText()).isEqualTo("postgresql");
        String env = Files.readString(Path.of("packaging/compose/postgresql.env"));
        assertThat(env).contains("DATABASE_URL=postgresql://postgres:5432/" + postgres.path("environment").path("POSTGRES_DB").asText())
                .contains("DATABASE_USER=" + postgres.path("environment").path("POSTGRES_USER").asText())
                .contains("DATABASE_PASSWORD_FILE=/run/secrets/db_password");
    }

    @Test
    void every_variable_set_by_compose_or_kubernetes_is_documented_in_the_readme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        List<String> documented = new ArrayList<>();
        Matcher matcher = VARIABLE.matcher(readme);
        while (matcher.find()) {
            documented.add(matcher.group(1));
        }
        List<String> used = new ArrayList<>();
        Kustomization.read(Path.of("compose.yaml")).getFirst().path("services").path("pathary").path("environment")
                .fieldNames().forEachRemaining(used::add);
        for (String overlay : List.of("overlays/sqlite", "overlays/postgresql")) {
            for (JsonNode object : Kustomization.render(Path.of("packaging/kubernetes", overlay))) {
                object.findValues("env").forEach(list -> list.forEach(e -> used.add(e.path("name").asText())));
            }
        }
        assertThat(used).isNotEmpty();
        for (String name : used) {
            String base = name.endsWith("_FILE") ? name.substring(0, name.length() - "_FILE".length()) : name;
            assertThat(documented).as(name + " in the README's configuration").contains(base);
        }
    }
}
