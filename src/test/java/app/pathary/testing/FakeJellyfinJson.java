package app.pathary.testing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jellyfin's response bodies as ordered maps: PascalCase keys in the order of Jellyfin's DTO classes,
 * nulls left out (except {@code ChannelId}, which Jellyfin writes as {@code null}), GUIDs in N format and
 * dates as {@link FakeJellyfinDates} writes them.
 */
final class FakeJellyfinJson {

    private FakeJellyfinJson() {
    }

    static Map<String, Object> publicSystemInfo(FakeJellyfinState state, String localAddress) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("LocalAddress", localAddress);
        info.put("ServerName", state.serverName);
        info.put("Version", state.version);
        info.put("ProductName", "Jellyfin Server");
        info.put("OperatingSystem", "");
        info.put("Id", state.serverId);
        info.put("StartupWizardCompleted", true);
        return info;
    }

    static Map<String, Object> systemInfo(FakeJellyfinState state, String localAddress) {
        Map<String, Object> info = publicSystemInfo(state, localAddress);
        info.put("OperatingSystemDisplayName", "");
        info.put("HasPendingRestart", false);
        info.put("IsShuttingDown", false);
        info.put("SupportsLibraryMonitor", true);
        info.put("WebSocketPortNumber", 8096);
        info.put("CompletedInstallations", List.of());
        info.put("CanSelfRestart", true);
        info.put("CanLaunchWebBrowser", false);
        info.put("ProgramDataPath", "/config");
        info.put("WebPath", "/jellyfin/jellyfin-web");
        info.put("ItemsByNamePath", "/config/metadata");
        info.put("CachePath", "/cache");
        info.put("LogPath", "/config/log");
        info.put("InternalMetadataPath", "/config/metadata");
        info.put("TranscodingTempPath", "/cache/transcodes");
        info.put("CastReceiverApplications", List.of());
        info.put("HasUpdateAvailable", false);
        info.put("EncoderLocation", "System");
        info.put("SystemArchitecture", "X64");
        return info;
    }

    static Map<String, Object> user(FakeJellyfinState state, FakeJellyfinState.Account account) {
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("Name", account.name);
        user.put("ServerId", state.serverId);
        user.put("Id", account.id);
        user.put("HasPassword", !account.password.isEmpty());
        user.put("HasConfiguredPassword", !account.password.isEmpty());
        user.put("HasConfiguredEasyPassword", false);
        user.put("EnableAutoLogin", false);
        putDate(user, "LastLoginDate", account.lastLoginDate);
        putDate(user, "LastActivityDate", account.lastActivityDate);
        user.put("Configuration", FakeJellyfinUserJson.configuration());
        user.put("Policy", FakeJellyfinUserJson.policy(account));
        return user;
    }

    static Map<String, Object> userData(FakeJellyfinState state, FakeItem item, FakeJellyfinState.Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        FakeUserData data = state.userData(account.id, item.id());
        boolean played = data.played();
        if (item.isFolder()) {
            List<FakeItem> episodes = state.playableDescendants(item);
            long unplayed = episodes.stream().filter(e -> !state.userData(account.id, e.id()).played()).count();
            if (!episodes.isEmpty() && unplayed < episodes.size()) {
                json.put("PlayedPercentage", 100.0 * (episodes.size() - unplayed) / episodes.size());
            }
            json.put("UnplayedItemCount", unplayed);
            played = unplayed == 0;
        }
        json.put("PlaybackPositionTicks", data.playbackPositionTicks());
        json.put("PlayCount", data.playCount());
        json.put("IsFavorite", data.isFavorite());
        putDate(json, "LastPlayedDate", data.lastPlayedDate());
        json.put("Played", played);
        json.put("Key", item.id());
        json.put("ItemId", item.id());
        return json;
    }

    /**
     * @param account {@code null} for no user (then no UserData)
     * @param fields  upper-cased {@code ItemFields} names asked for
     */
    static Map<String, Object> item(FakeJellyfinState state, FakeItem item, FakeJellyfinState.Account account,
                                    Set<String> fields, boolean withUserData) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("Name", item.name());
        json.put("ServerId", state.serverId);
        json.put("Id", item.id());
        if (fields.contains("DATECREATED")) {
            putDate(json, "DateCreated", item.dateCreated());
        }
        if (fields.contains("SORTNAME")) {
            json.put("SortName", FakeJellyfinItemQuery.sortName(item));
        }
        if (item.premiereDate() != null) {
            putDate(json, "PremiereDate", item.premiereDate().atStartOfDay(ZoneOffset.UTC).toInstant());
        }
        if (fields.contains("PATH")) {
            put(json, "Path", item.path());
        }
        json.put("ChannelId", null);
        if (fields.contains("OVERVIEW")) {
            put(json, "Overview", item.overview());
        }
        if (item.runTimeTicks() > 0) {
            json.put("RunTimeTicks", item.runTimeTicks());
        }
        put(json, "ProductionYear", item.productionYear());
        put(json, "IndexNumber", item.indexNumber());
        put(json, "IndexNumberEnd", item.indexNumberEnd());
        put(json, "ParentIndexNumber", item.parentIndexNumber());
        if (fields.contains("PROVIDERIDS")) {
            json.put("ProviderIds", new LinkedHashMap<>(item.orderedProviderIds()));
        }
        json.put("IsFolder", item.isFolder());
        if (fields.contains("PARENTID")) {
            put(json, "ParentId", item.parentId());
        }
        json.put("Type", item.type());
        if (account != null && withUserData) {
            json.put("UserData", userData(state, item, account));
        }
        FakeItem series = seriesOf(state, item);
        if (series != null) {
            json.put("SeriesName", series.name());
            json.put("SeriesId", series.id());
        }
        if (item.type().equals("Episode")) {
            json.put("SeasonId", item.parentId());
        }
        put(json, "CollectionType", item.collectionType());
        if (item.type().equals("Episode")) {
            json.put("SeasonName", state.item(item.parentId()).name());
        }
        json.put("LocationType", item.isVirtual() ? "Virtual" : "FileSystem");
        json.put("MediaType", item.isFolder() ? "Unknown" : "Video");
        return json;
    }

    static FakeItem seriesOf(FakeJellyfinState state, FakeItem item) {
        return switch (item.type()) {
            case "Season" -> state.item(item.parentId());
            case "Episode" -> state.item(state.item(item.parentId()).parentId());
            default -> null;
        };
    }

    static void putDate(Map<String, Object> json, String key, Instant value) {
        if (value != null) {
            json.put(key, FakeJellyfinDates.utc(value));
        }
    }

    private static void put(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
