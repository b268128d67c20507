package app.pathary.packaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders the kustomizations under packaging/kubernetes the way {@code kubectl apply -k} does for the features they use:
 * {@code resources} (files and directories), {@code labels} (added to metadata.labels), and {@code patches} given as
 * strategic-merge files (maps merge, lists of objects with a {@code name} merge by name, a null value removes the key,
 * other lists are replaced). A kustomization that uses anything else fails here rather than render differently.
 */
final class Kustomization {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final List<String> KNOWN = List.of("apiVersion", "kind", "resources", "labels", "patches");

    private Kustomization() {
    }

    static List<ObjectNode> render(Path directory) {
        JsonNode kustomization = read(directory.resolve("kustomization.yaml")).getFirst();
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!KNOWN.contains(field)) {
                throw new IllegalArgumentException(directory + "/kustomization.yaml uses '" + field + "', which this renderer does not know");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else {
                read(path).forEach(node -> objects.add((ObjectNode) node));
            }
        }
        for (JsonNode label : kustomization.path("labels")) {
            for (ObjectNode object : objects) {
                ObjectNode labels = ((ObjectNode) object.with("metadata")).with("labels");
                label.path("pairs").fields().forEachRemaining(pair -> labels.set(pair.getKey(), pair.getValue()));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            for (JsonNode change : read(directory.resolve(patch.path("path").asText()))) {
                ObjectNode target = objects.stream()
                        .filter(o -> o.path("kind").equals(change.path("kind"))
                                && o.path("metadata").path("name").equals(change.path("metadata").path("name")))
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(patch + " patches an object the resources lack"));
                merge(target, (ObjectNode) change);
            }
        }
        return objects;
    }

    static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode current = target.get(field.getKey());
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (current instanceof ObjectNode object && value instanceof ObjectNode change) {
                merge(object, change);
            } else if (current instanceof ArrayNode list && value instanceof ArrayNode change && byName(list) && byName(change)) {
                mergeByName(list, change);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean byName(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.isObject() || !item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void mergeByName(ArrayNode list, ArrayNode patch) {
        for (JsonNode change : patch) {
            ObjectNode existing = null;
            for (JsonNode item : list) {
                if (item.path("name").equals(change.path("name"))) {
                    existing = (ObjectNode) item;
                }
            }
            if (existing == null) {
                list.add(change.deepCopy());
            } else {
                merge(existing, (ObjectNode) change);
            }
        }
    }

    static List<JsonNode> read(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(file + " is not valid YAML", e);
        }
    }
}
