package app.pathary.cleanup.instances;

import app.pathary.common.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The YAML file named by CONFIG_FILE, for several instances:
 * <pre>
 * radarr:
 *   - name: radarr-4k
 *     url: http://radarr4k:7878
 *     apiKey: ...            # or apiKeyFile: /run/secrets/radarr4k
 *     pathMap: /media/movies4k:/movies
 *     keepTag: keep
 * sonarr: [ ... same keys ... ]
 * cleanup: { keepTag: keep, execute: false, movieAction: delete-movie-and-files, importExclusion: false, deleteEndedSeries: false }
 * </pre>
 */
record ArrConfigFile(List<JsonNode> radarr, List<JsonNode> sonarr, JsonNode cleanup, String file) {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    static ArrConfigFile read(Optional<String> path) {
        if (path.isEmpty()) {
            return new ArrConfigFile(List.of(), List.of(), YAML.createObjectNode(), null);
        }
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(Path.of(path.get())));
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("CONFIG_FILE " + path.get() + " cannot be read as YAML: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject()) {
            throw new InvalidInputException("CONFIG_FILE " + path.get() + " must hold a YAML mapping with radarr:, sonarr: and cleanup:.");
        }
        return new ArrConfigFile(list(root.get("radarr")), list(root.get("sonarr")),
                root.has("cleanup") ? root.get("cleanup") : YAML.createObjectNode(), path.get());
    }

    List<ArrInstanceConfig> instances(String defaultKeepTag) {
        List<ArrInstanceConfig> instances = new ArrayList<>();
        radarr.forEach(node -> instances.add(instance(ArrKind.RADARR, node, defaultKeepTag)));
        sonarr.forEach(node -> instances.add(instance(ArrKind.SONARR, node, defaultKeepTag)));
        return instances;
    }

    Optional<String> keepTag() {
        return Optional.ofNullable(cleanup.get("keepTag")).map(JsonNode::asText);
    }

    Map<String, String> actions() {
        Map<String, String> values = new HashMap<>();
        put(values, ArrSettingsStore.EXECUTE, "execute");
        put(values, ArrSettingsStore.MOVIE_ACTION, "movieAction");
        put(values, ArrSettingsStore.IMPORT_EXCLUSION, "importExclusion");
        put(values, ArrSettingsStore.DELETE_ENDED_SERIES, "deleteEndedSeries");
        return values;
    }

    private void put(Map<String, String> values, String name, String key) {
        if (cleanup.hasNonNull(key)) {
            values.put(name, cleanup.get(key).asText());
        }
    }

    private ArrInstanceConfig instance(ArrKind kind, JsonNode node, String defaultKeepTag) {
        String where = "CONFIG_FILE " + file + ", " + kind.value() + " instance";
        String name = text(node, "name", where);
        String key = node.hasNonNull("apiKeyFile") ? readKey(node.get("apiKeyFile").asText(), where) : text(node, "apiKey", where + " " + name);
        JsonNode map = node.get("pathMap");
        String mapText = map == null ? "" : map.isArray() ? String.join(",", list(map).stream().map(JsonNode::asText).toList()) : map.asText();
        return new ArrInstanceConfig(null, kind, name, ArrSettingsStore.named(where + " " + name + " url", text(node, "url", where + " " + name)),
                key, PathMapping.parse(mapText, where + " " + name + " pathMap"),
                node.hasNonNull("keepTag") ? node.get("keepTag").asText() : defaultKeepTag, "CONFIG_FILE");
    }

    private static String text(JsonNode node, String key, String where) {
        if (node == null || !node.hasNonNull(key) || node.get(key).asText().isBlank()) {
            throw new InvalidInputException(where + " needs " + key + ".");
        }
        return node.get(key).asText().strip();
    }

    private static String readKey(String path, String where) {
        try {
            return Files.readString(Path.of(path)).strip();
        } catch (IOException e) {
            throw new InvalidInputException(where + ": apiKeyFile " + path + " cannot be read.");
        }
    }

    private static List<JsonNode> list(JsonNode node) {
        List<JsonNode> items = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(items::add);
        }
        return items;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
