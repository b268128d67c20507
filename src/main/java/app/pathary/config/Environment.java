package app.pathary.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Reads configuration variables from a map of environment variables. Every variable NAME may instead be
 * given as NAME_FILE, the path of a file holding the value (Docker and Kubernetes secrets).
 */
public final class Environment {
    private final Map<String, String> variables;

    public Environment(Map<String, String> variables) {
        this.variables = Map.copyOf(variables);
    }

    public Optional<String> get(String name) {
        String direct = variables.get(name);
        String file = variables.get(name + "_FILE");
        if (direct != null && !direct.isBlank() && file != null && !file.isBlank()) {
            throw new ConfigException(name + " and " + name + "_FILE are both set; set only one of them.");
        }
        if (file != null && !file.isBlank()) {
            try {
                return Optional.of(Files.readString(Path.of(file)).strip());
            } catch (IOException | RuntimeException e) {
                throw new ConfigException(name + "_FILE names " + file + ", which cannot be read.");
            }
        }
        if (direct == null || direct.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(direct.strip());
    }
}
