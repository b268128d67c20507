package app.pathary.cleanup.instances;

import app.pathary.arr.MediaManagement;
import app.pathary.arr.SystemStatus;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.common.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/** "Test connection" for a Radarr or Sonarr instance, and the settings of an instance worth a warning. */
public final class InstanceCheck {
    private final RadarrClient radarr;
    private final SonarrClient sonarr;

    public InstanceCheck(RadarrClient radarr, SonarrClient sonarr) {
        this.radarr = radarr;
        this.sonarr = sonarr;
    }

    /** Checks an instance: the right app answers, and what of its settings deserves a warning. */
    public List<String> test(ArrInstanceConfig config) {
        SystemStatus status = config.kind() == ArrKind.RADARR ? radarr.systemStatus(config.instance()) : sonarr.systemStatus(config.instance());
        if (!config.kind().appName().equalsIgnoreCase(status.appName())) {
            throw new InvalidInputException(config.name() + " answers as " + status.appName() + ", not " + config.kind().appName() + ".");
        }
        MediaManagement settings = config.kind() == ArrKind.RADARR ? radarr.mediaManagement(config.instance())
                : sonarr.mediaManagement(config.instance());
        List<String> lines = new ArrayList<>();
        lines.add("Connected to " + status.appName() + " " + status.version() + " (" + config.name() + ").");
        lines.addAll(warnings(config, settings));
        return lines;
    }

    public static List<String> warnings(ArrInstanceConfig config, MediaManagement settings) {
        List<String> warnings = new ArrayList<>();
        if (settings.recycleBinEnabled()) {
            warnings.add(config.name() + " has a recycle bin: deleted files keep their space until it is emptied.");
        }
        if (!settings.unmonitorDeleted()) {
            warnings.add(config.name() + " does not unmonitor deleted " + (config.kind() == ArrKind.RADARR ? "movies" : "episodes")
                    + " itself; Pathary unmonitors what it deletes.");
        }
        return warnings;
    }

}
