package app.pathary.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The YAML file named by CONFIG_FILE, parsed and checked as a whole (an unknown key is an error, so a typo never
 * passes silently):
 * <pre>
 * radarr:
 *   - name: radarr-4k
 *     url: http://radarr4k:7878
 *     apiKey: ...            # or apiKeyFile: /run/secrets/radarr4k
 *     pathMap: /media/movies4k:/movies     # or a list of pairs
 *     keepTag: keep
 * sonarr: [ ... same keys ... ]
 * cleanup: { keepTag: keep, execute: false, movieAction: delete-movie-and-files, importExclusion: false, deleteEndedSeries: false }
 * notifications:
 *   - { name: family, kind: ntfy, url: https://ntfy.sh, topic: pathary, secretFile: /run/secrets/ntfy, events: [leaving-soon, deleted] }
 * </pre>
 */
public record ConfigFile(Optional<Path> path, List<ArrInstanceOptions> radarr, List<ArrInstanceOptions> sonarr, Optional<String> keepTag,
        ActionOptions actions, List<ChannelOptions> notifications, List<DiskOptions.RootRule> diskRules) {
    public static final String VARIABLE = "CONFIG_FILE";
    private static final Set<String> TOP = Set.of("radarr", "sonarr", "cleanup", "notifications");
    private static final Set<String> CHANNEL = Set.of("name", "kind", "url", "topic", "username", "secret", "secretFile", "from", "to", "events");
    private static final Set<String> INSTANCE = Set.of("name", "url", "apiKey", "apiKeyFile", "pathMap", "keepTag");
    private static final Map<String, String> CLEANUP = Map.of(ActionOptions.EXECUTE, "execute", ActionOptions.MOVIE_ACTION, "movieAction",
            ActionOptions.IMPORT_EXCLUSION, "importExclusion", ActionOptions.DELETE_ENDED_SERIES, "deleteEndedSeries");

    public ConfigFile {
        radarr = List.copyOf(radarr);
        sonarr = List.copyOf(sonarr);
        notifications = List.copyOf(notifications);
        diskRules = diskRules == null ? List.of() : List.copyOf(diskRules);
    }

    public ConfigFile(Optional<Path> path, List<ArrInstanceOptions> radarr, List<ArrInstanceOptions> sonarr, Optional<String> keepTag,
            ActionOptions actions, List<ChannelOptions> notifications) {
        this(path, radarr, sonarr, keepTag, actions, notifications, List.of());
    }

    public ConfigFile(Optional<Path> path, List<ArrInstanceOptions> radarr, List<ArrInstanceOptions> sonarr, Optional<String> keepTag,
            ActionOptions actions) {
        this(path, radarr, sonarr, keepTag, actions, List.of());
    }

    public static ConfigFile none() {
        return new ConfigFile(Optional.empty(), List.of(), List.of(), Optional.empty(), ActionOptions.none());
    }

    public List<ArrInstanceOptions> instances() {
        List<ArrInstanceOptions> all = new ArrayList<>(radarr);
        all.addAll(sonarr);
        return all;
    }

    /** Reads and checks the file; any problem is one sentence naming the file and, where there is one, the key. */
    public static ConfigFile read(Path file) {
        String where = VARIABLE + " " + file;
        JsonNode root;
        try {
            root = Yaml.MAPPER.readTree(Files.readString(file));
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new ConfigException(where + " is not valid YAML" + at + ".");
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(VARIABLE + " names " + file + ", which cannot be read.");
        }
        if (root == null || !root.isObject()) {
            throw new ConfigException(where + " must hold a YAML mapping with radarr:, sonarr: and cleanup:.");
        }
        onlyKnownKeys(root, TOP, where, "");
        JsonNode cleanup = root.path("cleanup");
        if (!cleanup.isMissingNode() && !cleanup.isObject()) {
            throw new ConfigException(where + " key cleanup must be a mapping.");
        }
        Set<String> cleanupKeys = new HashSet<>(CLEANUP.values());
        cleanupKeys.add("keepTag");
        cleanupKeys.add("disks");
        onlyKnownKeys(cleanup, cleanupKeys, where, "cleanup.");
        ConfigFile parsed = new ConfigFile(Optional.of(file), instances(root, "radarr", where), instances(root, "sonarr", where),
                text(cleanup, "keepTag"), ActionOptions.parse(section(cleanup, where)), channels(root, where), diskRules(cleanup, where));
        Set<String> names = new HashSet<>();
        for (ArrInstanceOptions instance : parsed.instances()) {
            if (!names.add(instance.name())) {
                throw new ConfigException(where + " names two instances '" + instance.name() + "'; names must differ.");
            }
        }
        return parsed;
    }

    private static List<ArrInstanceOptions> instances(JsonNode root, String kind, String where) {
        JsonNode list = root.path(kind);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(where + " key " + kind + " must be a list of instances.");
        }
        List<ArrInstanceOptions> instances = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = kind + "[" + i + "].";
            JsonNode node = list.get(i);
            onlyKnownKeys(node, INSTANCE, where, key);
            String name = required(node, "name", where, key);
            String apiKey = node.hasNonNull("apiKeyFile") ? keyFile(node.get("apiKeyFile").asText(), where, key) : required(node, "apiKey", where, key);
            JsonNode map = node.path("pathMap");
            String mapText = map.isArray() ? String.join(",", iterable(map.elements()).stream().map(JsonNode::asText).toList()) : map.asText("");
            instances.add(new ArrInstanceOptions(name, OptionRules.serverUrl(where + " key " + key + "url", required(node, "url", where, key)),
                    apiKey, PathPair.parseAll(where + " key " + key + "pathMap", mapText), text(node, "keepTag")));
        }
        return instances;
    }

    /** {@code cleanup.disks}: a list of {rootFolder, instance (optional), threshold, target (default: the threshold)}. */
    private static List<DiskOptions.RootRule> diskRules(JsonNode cleanup, String where) {
        JsonNode list = cleanup.path("disks");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(where + " key cleanup.disks must be a list of {rootFolder, threshold, target}.");
        }
        List<DiskOptions.RootRule> rules = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "cleanup.disks[" + i + "].";
            JsonNode node = list.get(i);
            onlyKnownKeys(node, Set.of("rootFolder", "instance", "threshold", "target"), where, key);
            DiskLimit threshold = DiskLimit.parse(where + " key " + key + "threshold", required(node, "threshold", where, key));
            DiskLimit target = text(node, "target").map(t -> DiskLimit.parse(where + " key " + key + "target", t)).orElse(threshold);
            DiskOptions.check(threshold, target, where + " key " + key + "threshold", where + " key " + key + "target");
            rules.add(new DiskOptions.RootRule(required(node, "rootFolder", where, key), text(node, "instance"), threshold, target));
        }
        return rules;
    }

    private static List<ChannelOptions> channels(JsonNode root, String where) {
        JsonNode list = root.path("notifications");
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        if (!list.isArray()) {
            throw new ConfigException(where + " key notifications must be a list of channels.");
        }
        List<ChannelOptions> channels = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String key = "notifications[" + i + "].";
            JsonNode node = list.get(i);
            onlyKnownKeys(node, CHANNEL, where, key);
            String secret = node.hasNonNull("secretFile") ? keyFile(node.get("secretFile").asText(), where, key) : text(node, "secret").orElse("");
            JsonNode events = node.path("events");
            String eventText = events.isArray() ? String.join(",", iterable(events.elements()).stream().map(JsonNode::asText).toList())
                    : events.asText("");
            ChannelOptions channel = new ChannelOptions(required(node, "name", where, key), required(node, "kind", where, key),
                    required(node, "url", where, key), text(node, "topic").orElse(""), text(node, "username").orElse(""), secret,
                    text(node, "from").orElse(""), text(node, "to").orElse(""), ChannelOptions.events(where + " key " + key + "events", eventText))
                    .checked(where + " key " + key.substring(0, key.length() - 1));
            if (!names.add(channel.name())) {
                throw new ConfigException(where + " names two notification channels '" + channel.name() + "'; names must differ.");
            }
            channels.add(channel);
        }
        return channels;
    }

    private static OptionLayer section(JsonNode cleanup, String where) {
        return new OptionLayer() {
            @Override
            public Optional<String> get(String variable) {
                return text(cleanup, CLEANUP.get(variable));
            }

            @Override
            public String describe(String variable) {
                return where + " key cleanup." + CLEANUP.get(variable);
            }
        };
    }

    private static void onlyKnownKeys(JsonNode node, Set<String> known, String where, String prefix) {
        if (node.isMissingNode()) {
            return;
        }
        if (!node.isObject()) {
            throw new ConfigException(where + " key " + prefix.replaceAll("\\.$", "") + " must be a mapping.");
        }
        for (String key : iterable(node.fieldNames())) {
            if (!known.contains(key)) {
                throw new ConfigException(where + " has an unknown key " + prefix + key + "; the keys there are "
                        + String.join(", ", known.stream().sorted().toList()) + ".");
            }
        }
    }

    private static Optional<String> text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isValueNode() && !value.isNull() && !value.asText().isBlank() ? Optional.of(value.asText().strip()) : Optional.empty();
    }

    private static String required(JsonNode node, String key, String where, String prefix) {
        return text(node, key).orElseThrow(() -> new ConfigException(where + " key " + prefix + key + " is missing."));
    }

    private static String keyFile(String file, String where, String prefix) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException(where + " key " + prefix + "apiKeyFile names " + file + ", which cannot be read.");
        }
    }

    private static <T> List<T> iterable(Iterator<T> items) {
        List<T> list = new ArrayList<>();
        items.forEachRemaining(list::add);
        return list;
    }

    /** The YAML reader, made only when there is a file to read (most households have none; it cost every start). */
    private static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }
}
