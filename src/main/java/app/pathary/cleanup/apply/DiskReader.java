package app.pathary.cleanup.apply;

import app.pathary.arr.ArrException;
import app.pathary.arr.MediaManagement;
import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.cleanup.instances.ArrInstanceConfig;
import app.pathary.cleanup.instances.ArrKind;
import app.pathary.cleanup.plan.DiskFigures;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code /diskspace} and {@code /rootfolder} of every instance and places the root folders on their disks. A read
 * that fails gives an unknown disk (never "0 free"); it never stops a plan, since disk space only ever adds deletions.
 */
public final class DiskReader {
    private final RadarrClient radarr;
    private final SonarrClient sonarr;

    public DiskReader(RadarrClient radarr, SonarrClient sonarr) {
        this.radarr = radarr;
        this.sonarr = sonarr;
    }

    public DiskFigures.Placed read(List<ArrInstanceConfig> instances) {
        List<DiskFigures.Reading> readings = new ArrayList<>();
        for (ArrInstanceConfig config : instances) {
            try {
                readings.add(config.kind() == ArrKind.RADARR
                        ? new DiskFigures.Reading(config.name(), radarr.diskSpace(config.instance()), radarr.rootFolders(config.instance()), null)
                        : new DiskFigures.Reading(config.name(), sonarr.diskSpace(config.instance()), sonarr.rootFolders(config.instance()), null));
            } catch (ArrException | app.pathary.common.RemoteReadException e) {
                String why = e instanceof ArrException arr ? arr.userMessage() : e.getMessage();
                readings.add(new DiskFigures.Reading(config.name(), null, null, config.kind().appName() + " " + config.name() + " could not be read ("
                        + why + ")"));
            }
        }
        return DiskFigures.place(readings);
    }

    /** The instance's media management settings (its recycle bin). */
    MediaManagement mediaManagement(ArrInstanceConfig config) {
        return config.kind() == ArrKind.RADARR ? radarr.mediaManagement(config.instance()) : sonarr.mediaManagement(config.instance());
    }
}
