package app.pathary.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The routes Radarr and Sonarr share: {@code GET /api/v3/system/status}, {@code /config/mediamanagement},
 * {@code /tag} and {@code /diskspace}, with the fields of their OpenAPI schemas.
 */
final class FakeArrSharedRoutes {

    private FakeArrSharedRoutes() {
    }

    static void register(FakeArrRoutes routes, FakeArrSettings settings) {
        routes.add("GET", "/api/v3/system/status", exchange -> exchange.json(systemStatus(settings)));
        routes.add("GET", "/api/v3/config/mediamanagement", exchange -> exchange.json(mediaManagement(settings)));
        routes.add("GET", "/api/v3/tag", exchange -> {
            ArrayNode tags = FakeArrJson.array();
            settings.tags.forEach((id, label) -> tags.addObject().put("id", id).put("label", label));
            exchange.json(tags);
        });
        routes.add("GET", "/api/v3/rootfolder", exchange -> {
            ArrayNode folders = FakeArrJson.array();
            int id = 1;
            for (String path : settings.rootFolders) {
                long free = settings.diskOf(path).map(FakeDisk::freeSpace).orElse(0L);
                folders.addObject().put("id", id++).put("path", path.endsWith("/") ? path : path + "/")
                        .put("accessible", !settings.rootFolderMissing).put("freeSpace", free).putArray("unmappedFolders");
            }
            exchange.json(folders);
        });
        routes.add("GET", "/api/v3/diskspace", exchange -> {
            ArrayNode disks = FakeArrJson.array();
            settings.disks.stream().filter(disk -> disk.listed).forEach(disk -> disks.addObject().put("id", 0).put("path", disk.path)
                    .put("label", "").put("freeSpace", disk.freeSpace()).put("totalSpace", disk.totalSpace));
            exchange.json(disks);
        });
    }

    private static ObjectNode systemStatus(FakeArrSettings settings) {
        boolean radarr = settings.product.equals("Radarr");
        ObjectNode status = FakeArrJson.object()
                .put("appName", settings.product).put("instanceName", settings.product).put("version", settings.version)
                .put("buildTime", "2025-11-08T21:10:42Z").put("isDebug", false).put("isProduction", true)
                .put("isAdmin", false).put("isUserInteractive", false)
                .put("startupPath", "/app/" + settings.product.toLowerCase() + "/bin").put("appData", "/config")
                .put("osName", "debian").put("osVersion", "12").put("isNetCore", true).put("isLinux", true)
                .put("isOsx", false).put("isWindows", false).put("isDocker", true).put("mode", "console")
                .put("branch", radarr ? "master" : "main").put("authentication", "forms")
                .put("migrationVersion", radarr ? 241 : 217).put("urlBase", settings.urlBase)
                .put("runtimeVersion", "8.0.12").put("runtimeName", "netCore")
                .put("startTime", FakeArrJson.date(settings.startTime)).put("packageUpdateMechanism", "docker")
                .put("databaseType", "sqLite").put("databaseVersion", "3.46.1");
        if (!radarr) {
            status.put("sqliteVersion", "3.46.1");
        }
        return status;
    }

    private static ObjectNode mediaManagement(FakeArrSettings settings) {
        boolean radarr = settings.product.equals("Radarr");
        ObjectNode config = FakeArrJson.object().put("id", 1)
                .put(radarr ? "autoUnmonitorPreviouslyDownloadedMovies" : "autoUnmonitorPreviouslyDownloadedEpisodes",
                        settings.unmonitorDeleted)
                .put("recycleBin", settings.recycleBin).put("recycleBinCleanupDays", 7)
                .put("downloadPropersAndRepacks", "preferAndUpgrade")
                .put(radarr ? "createEmptyMovieFolders" : "createEmptySeriesFolders", false)
                .put("deleteEmptyFolders", false).put("fileDate", "none").put("rescanAfterRefresh", "always")
                .put("setPermissionsLinux", false).put("chmodFolder", "755").put("chownGroup", "")
                .put("skipFreeSpaceCheckWhenImporting", false).put("minimumFreeSpaceWhenImporting", 100)
                .put("copyUsingHardlinks", true).put("useScriptImport", false).put("scriptImportPath", "")
                .put("importExtraFiles", false).put("extraFileExtensions", "srt").put("enableMediaInfo", true);
        if (radarr) {
            config.put("autoRenameFolders", false).put("pathsDefaultStatic", false);
        } else {
            config.put("episodeTitleRequired", "always");
        }
        return config;
    }
}
