package app.pathary.arr;

import java.util.List;
import java.util.Locale;

/**
 * The routes Radarr and Sonarr share, read the same way by both clients: system status (with the check
 * that the app is the expected one), media management settings, tags and disk space.
 */
public final class ArrSharedEndpoints {

    private final ArrTransport transport;

    public ArrSharedEndpoints(ArrTransport transport) {
        this.transport = transport;
    }

    /** {@code GET /api/v3/system/status}; an {@code appName} other than the transport's product is NotArr. */
    public SystemStatus systemStatus(ArrInstance instance) {
        ArrCall call = ArrCall.get("/api/v3/system/status");
        ArrObject status = transport.send(instance, call).object();
        String appName = status.text("appName");
        if (appName == null || !appName.toLowerCase(Locale.ROOT).equals(transport.product().toLowerCase(Locale.ROOT))) {
            throw new ArrException.NotArr(transport.product(), transport.product() + " (" + instance.name() + ") "
                    + call.describe(), "appName is " + appName);
        }
        return new SystemStatus(appName, status.text("version"), status.text("instanceName"));
    }

    /**
     * {@code GET /api/v3/config/mediamanagement}.
     *
     * @param unmonitorKey {@code autoUnmonitorPreviouslyDownloadedMovies} or {@code ...Episodes}
     */
    public MediaManagement mediaManagement(ArrInstance instance, String unmonitorKey) {
        ArrObject config = transport.send(instance, ArrCall.get("/api/v3/config/mediamanagement")).object();
        String recycleBin = config.text("recycleBin");
        return new MediaManagement(recycleBin != null && !recycleBin.isBlank(), config.bool(unmonitorKey));
    }

    /** {@code GET /api/v3/tag}. */
    public List<Tag> tags(ArrInstance instance) {
        return transport.send(instance, ArrCall.get("/api/v3/tag")).objects().stream()
                .map(tag -> new Tag(tag.requiredInt("id"), tag.text("label")))
                .toList();
    }

    /** {@code GET /api/v3/diskspace}. */
    public List<DiskSpace> diskSpace(ArrInstance instance) {
        return transport.send(instance, ArrCall.get("/api/v3/diskspace")).objects().stream()
                .map(disk -> new DiskSpace(disk.text("path"), disk.longOr("freeSpace", 0), disk.longOr("totalSpace", 0)))
                .toList();
    }

    /** {@code GET /api/v3/rootfolder}; a root folder without a path is not one. */
    public List<RootFolder> rootFolders(ArrInstance instance) {
        return transport.send(instance, ArrCall.get("/api/v3/rootfolder")).objects().stream()
                .filter(folder -> folder.text("path") != null && !folder.text("path").isBlank())
                .map(folder -> new RootFolder(folder.intOr("id", 0), folder.text("path"), folder.bool("accessible"),
                        folder.has("freeSpace") ? folder.longOr("freeSpace", 0) : null))
                .toList();
    }

    /** A route with an id, refusing ids the *arr never hands out (0 and below). */
    public static String withId(String route, int id) {
        if (id <= 0) {
            throw new IllegalArgumentException("an *arr id is positive, got " + id);
        }
        return route + "/" + id;
    }
}
