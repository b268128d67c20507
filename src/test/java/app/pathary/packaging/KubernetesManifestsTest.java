package app.pathary.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The manifests under packaging/kubernetes, rendered per overlay as {@code kubectl apply -k} would (see
 * {@link Kustomization}) and checked without a cluster: every object against the Kubernetes JSON schemas vendored in
 * packaging/kubernetes/schemas (source in SOURCES.md), made strict (an unknown field, such as a typo, is an error), and
 * what Pathary needs from them: probes on /health/live and /health/ready, secrets only as files, resources set.
 */
class KubernetesManifestsTest {
    private static final Path ROOT = Path.of("packaging/kubernetes");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectNode SCHEMAS = schemas();

    @ParameterizedTest
    @ValueSource(strings = {"overlays/sqlite", "overlays/postgresql"})
    void every_object_of_an_overlay_is_valid_against_the_kubernetes_schemas(String overlay) {
        List<ObjectNode> objects = Kustomization.render(ROOT.resolve(overlay));
        assertThat(objects).extracting(o -> o.path("kind").asText())
                .containsExactlyInAnyOrder("Secret", "Service", "StatefulSet", "CronJob");
        for (ObjectNode object : objects) {
            assertThat(errors(object)).as(overlay + " " + object.path("kind").asText() + " " + object.path("metadata").path("name").asText())
                    .isEmpty();
        }
    }

    @Test
    void the_schemas_catch_a_misspelt_field_and_a_wrong_type() {
        ObjectNode statefulSet = kind(Kustomization.render(ROOT.resolve("overlays/sqlite")), "StatefulSet");
        ObjectNode misspelt = statefulSet.deepCopy();
        container(misspelt).set("readinesProbe", container(misspelt).get("readinessProbe"));
        ObjectNode wrongType = statefulSet.deepCopy();
        ((ObjectNode) wrongType.get("spec")).put("replicas", "two");

        assertThat(errors(misspelt)).anyMatch(message -> message.contains("readinesProbe"));
        assertThat(errors(wrongType)).anyMatch(message -> message.contains("replicas"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/sqlite", "overlays/postgresql"})
    void the_server_is_probed_on_live_and_ready_and_has_its_resources_and_a_non_root_user(String overlay) {
        ObjectNode statefulSet = kind(Kustomization.render(ROOT.resolve(overlay)), "StatefulSet");
        JsonNode container = container(statefulSet);
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/live");
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/health/ready");
        assertThat(container.path("resources").path("requests").path("memory").asText()).isNotEmpty();
        assertThat(container.path("resources").path("limits").path("memory").asText()).isNotEmpty();
        assertThat(statefulSet.path("spec").path("template").path("spec").path("securityContext").path("runAsUser").asInt())
                .isEqualTo(10001);
    }

    @Test
    void the_postgresql_overlay_runs_two_replicas_on_the_database_named_by_secret_files() {
        List<ObjectNode> objects = Kustomization.render(ROOT.resolve("overlays/postgresql"));
        ObjectNode statefulSet = kind(objects, "StatefulSet");
        assertThat(statefulSet.path("spec").path("replicas").asInt()).isEqualTo(2);
        assertThat(env(container(statefulSet))).containsKeys("DATABASE_URL_FILE", "DATABASE_PASSWORD_FILE").doesNotContainKey("DATABASE_URL");
        ObjectNode cronJob = kind(objects, "CronJob");
        JsonNode podSpec = cronJob.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
        assertThat(env(podSpec.path("containers").get(0))).containsKey("DATABASE_URL_FILE");
        assertThat(podSpec.has("affinity")).isFalse();
        assertThat(kind(Kustomization.render(ROOT.resolve("overlays/sqlite")), "StatefulSet").path("spec").path("replicas").asInt())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/sqlite", "overlays/postgresql"})
    void every_file_variable_names_a_key_of_the_mounted_secret_and_no_secret_is_a_plain_variable(String overlay) {
        List<ObjectNode> objects = Kustomization.render(ROOT.resolve(overlay));
        Set<String> keys = new HashSet<>();
        kind(objects, "Secret").path("stringData").fieldNames().forEachRemaining(keys::add);
        List<JsonNode> containers = new ArrayList<>(List.of(container(kind(objects, "StatefulSet"))));
        containers.add(kind(objects, "CronJob").path("spec").path("jobTemplate").path("spec").path("template").path("spec")
                .path("containers").get(0));
        for (JsonNode container : containers) {
            String mount = Stream.of(container.path("volumeMounts")).flatMap(m -> stream(m))
                    .filter(m -> m.path("name").asText().equals("secrets")).findFirst().orElseThrow().path("mountPath").asText();
            Map<String, String> env = env(container);
            assertThat(env).doesNotContainKeys("APP_SECRET", "DATABASE_PASSWORD", "JELLYFIN_API_KEY", "RADARR_API_KEY", "SONARR_API_KEY");
            env.forEach((name, value) -> {
                if (name.endsWith("_FILE")) {
                    assertThat(value).startsWith(mount + "/");
                    assertThat(keys).as(name).contains(value.substring(mount.length() + 1));
                }
            });
            assertThat(container.path("args").get(0).asText()).isIn("serve", "cleanup:run");
        }
    }

    /** The schema violations of one object, checked against the definition of its apiVersion and kind. */
    private static List<String> errors(ObjectNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        List<String> matching = new ArrayList<>();
        SCHEMAS.path("definitions").fields().forEachRemaining(definition -> {
            JsonNode properties = definition.getValue().path("properties");
            if (properties.path("apiVersion").path("default").asText().equals(apiVersion)
                    && properties.path("kind").path("default").asText().equals(kind)) {
                matching.add(definition.getKey());
            }
        });
        assertThat(matching).as("one schema for " + apiVersion + " " + kind).hasSize(1);
        ObjectNode document = SCHEMAS.deepCopy();
        document.put("$ref", "#/definitions/" + matching.getFirst());
        Schema schema = SchemaRegistry.withDialect(Dialects.getDraft7()).getSchema(document);
        List<String> errors = new ArrayList<>();
        for (Error message : schema.validate(object)) {
            errors.add(message.getInstanceLocation() + ": " + message.getMessage());
        }
        return errors;
    }

    /**
     * Both vendored files in one document (they share their definitions), strict: objects with listed properties allow
     * no others, and the two types the fabric8 files describe as Java classes get Kubernetes' wire types instead
     * (a quantity is a string or a number, an int-or-string a string or an integer, as in Kubernetes' OpenAPI).
     */
    private static ObjectNode schemas() {
        ObjectNode merged = JSON.createObjectNode();
        ObjectNode definitions = merged.putObject("definitions");
        ObjectNode resources = merged.putObject("resources");
        for (String file : List.of("kubernetes-model-apps-6.13.4.json", "kubernetes-model-batch-6.13.4.json")) {
            try {
                JsonNode document = JSON.readTree(ROOT.resolve("schemas").resolve(file).toFile());
                definitions.setAll((ObjectNode) document.get("definitions"));
                resources.setAll((ObjectNode) document.get("resources"));
            } catch (IOException e) {
                throw new IllegalStateException(file, e);
            }
        }
        strict(merged);
        definitions.set("k8s_io_apimachinery_pkg_api_resource_Quantity", JSON.createObjectNode()
                .set("type", JSON.createArrayNode().add("string").add("number")));
        definitions.set("kubernetes_apimachinery_pkg_util_intstr_IntOrString", JSON.createObjectNode()
                .set("type", JSON.createArrayNode().add("string").add("integer")));
        return merged;
    }

    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if (object.path("required").isBoolean()) {
                object.remove("required");
            }
            if (object.path("properties").isObject() && !object.path("additionalProperties").isObject()) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                strict(children.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(KubernetesManifestsTest::strict);
        }
    }

    private static ObjectNode kind(List<ObjectNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).findFirst().orElseThrow();
    }

    private static ObjectNode container(ObjectNode statefulSet) {
        return (ObjectNode) statefulSet.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.LinkedHashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText()));
        return env;
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }
}
