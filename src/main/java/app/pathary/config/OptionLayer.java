package app.pathary.config;

import java.util.Map;
import java.util.Optional;

/**
 * One layer of option values looked up by variable name: the environment, a section of CONFIG_FILE, or what a
 * settings page stored. The same parser reads every layer, so a value is judged by one rule wherever it was set.
 */
public interface OptionLayer {
    /** The value, stripped; empty when unset or blank. */
    Optional<String> get(String variable);

    /** How a sentence names the variable in this layer: {@code CLEANUP_EXECUTE}, or the CONFIG_FILE key and path. */
    String describe(String variable);

    static OptionLayer of(Environment environment) {
        return new OptionLayer() {
            @Override
            public Optional<String> get(String variable) {
                return environment.get(variable);
            }

            @Override
            public String describe(String variable) {
                return variable;
            }
        };
    }

    /** Values by variable name, as a settings page stores them. */
    static OptionLayer of(Map<String, String> values) {
        return new OptionLayer() {
            @Override
            public Optional<String> get(String variable) {
                return Optional.ofNullable(values.get(variable)).map(String::strip).filter(v -> !v.isEmpty());
            }

            @Override
            public String describe(String variable) {
                return variable;
            }
        };
    }
}
