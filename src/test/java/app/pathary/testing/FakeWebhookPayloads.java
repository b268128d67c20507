package app.pathary.testing;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The "Send All Properties" dictionaries of the Jellyfin webhook plugin ({@code DataObjectHelpers}), key
 * by key in the plugin's insertion order. Re-putting a key keeps its first position, as in a .NET
 * {@code Dictionary}; text that the plugin passes through {@code Escape()} gets {@code "} replaced by
 * {@code \"} before serialization, exactly as the plugin does.
 */
final class FakeWebhookPayloads {

    private final FakeJellyfinState state;
    private final String serverUrl;
    private final ZoneId zone;

    FakeWebhookPayloads(FakeJellyfinState state, String serverUrl, ZoneId zone) {
        this.state = state;
        this.serverUrl = serverUrl;
        this.zone = zone;
    }

    Map<String, Object> base(String notificationType) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("ServerId", state.serverId);
        data.put("ServerName", escape(state.serverName));
        data.put("ServerVersion", state.version);
        data.put("ServerUrl", serverUrl);
        data.put("NotificationType", notificationType);
        return data;
    }

    void addItem(Map<String, Object> data, FakeItem item) {
        Instant now = state.now();
        data.put("Timestamp", FakeJellyfinDates.local(now.atZone(zone).toOffsetDateTime()));
        data.put("UtcTimestamp", FakeJellyfinDates.utc(now));
        data.put("Name", escape(item.name()));
        data.put("Overview", escape(item.overview()));
        data.put("Tagline", escape(item.tagline()));
        data.put("ItemId", item.id());
        data.put("ItemType", item.type());
        data.put("RunTimeTicks", item.runTimeTicks());
        data.put("RunTime", clock(item.runTimeTicks()));
        putIfPresent(data, "Year", item.productionYear());
        putIfPresent(data, "PremiereDate", item.premiereDate() == null ? null : item.premiereDate().toString());
        if (!item.genres().isEmpty()) {
            data.put("Genres", String.join(", ", item.genres()));
        }
        if (item.type().equals("Episode")) {
            addEpisode(data, item);
        }
        item.orderedProviderIds().forEach((key, value) -> data.put("Provider_" + key.toLowerCase(Locale.ROOT), value));
        if (!item.isFolder() && !item.isVirtual()) {
            FakeWebhookStreams.add(data);
        }
    }

    private void addEpisode(Map<String, Object> data, FakeItem episode) {
        FakeItem season = state.item(episode.parentId());
        FakeItem series = state.item(season.parentId());
        data.put("SeriesName", escape(series.name()));
        data.put("SeriesId", series.id());
        data.put("SeasonId", season.id());
        putIfPresent(data, "SeriesPremiereDate", series.premiereDate() == null ? null : series.premiereDate().toString());
        numbered(data, "SeasonNumber", season.indexNumber());
        numbered(data, "EpisodeNumber", episode.indexNumber());
        numbered(data, "EpisodeNumberEnd", episode.indexNumberEnd());
        putIfPresent(data, "Year", series.productionYear());
    }

    void addPlayback(Map<String, Object> data, FakeItem item, FakeJellyfinState.Session session, long positionTicks,
                     String playMethod) {
        data.put("PlaybackPositionTicks", positionTicks);
        data.put("PlaybackPosition", clock(positionTicks));
        data.put("MediaSourceId", item.id());
        data.put("IsPaused", false);
        data.put("IsAutomated", false);
        data.put("DeviceId", session.deviceId());
        data.put("DeviceName", session.device());
        data.put("ClientName", session.client());
        putIfPresent(data, "PlayMethod", playMethod);
    }

    void addSession(Map<String, Object> data, FakeJellyfinState.Session session, FakeUser user) {
        data.put("Id", session.sessionId());
        data.put("UserId", user.id());
        data.put("NotificationUsername", escape(user.name()));
        data.put("Client", escape(session.client()));
        data.put("LastActivityDate", FakeJellyfinDates.utc(state.now()));
        data.put("LastPlaybackCheckIn", FakeJellyfinDates.utc(state.now()));
        data.put("DeviceName", escape(session.device()));
        data.put("DeviceId", session.deviceId());
        data.put("RemoteEndPoint", "127.0.0.1");
    }

    void addUserItemData(Map<String, Object> data, FakeUserData userData) {
        data.put("Likes", false);
        data.put("Rating", 0);
        data.put("PlaybackPositionTicks", userData.playbackPositionTicks());
        data.put("PlaybackPosition", clock(userData.playbackPositionTicks()));
        data.put("PlayCount", userData.playCount());
        data.put("Favorite", userData.isFavorite());
        data.put("Played", userData.played());
        data.put("AudioStreamIndex", -1);
        data.put("SubtitleStreamIndex", -1);
        if (userData.lastPlayedDate() != null) {
            data.put("LastPlayedDate", FakeJellyfinDates.utc(userData.lastPlayedDate()));
        }
    }

    private static void numbered(Map<String, Object> data, String key, Integer number) {
        if (number != null) {
            data.put(key, number);
            data.put(key + "00", String.format("%02d", number));
            data.put(key + "000", String.format("%03d", number));
        }
    }

    /** .NET {@code TimeSpan.ToString(@"hh\:mm\:ss")}: the hours part wraps at 24 (days are dropped). */
    static String clock(long ticks) {
        long seconds = ticks / 10_000_000;
        return String.format("%02d:%02d:%02d", (seconds / 3600) % 24, (seconds / 60) % 60, seconds % 60);
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("\"", "\\\"");
    }

    private static void putIfPresent(Map<String, Object> data, String key, Object value) {
        if (value != null) {
            data.put(key, value);
        }
    }
}
