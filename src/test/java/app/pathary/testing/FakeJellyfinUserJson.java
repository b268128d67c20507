package app.pathary.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The nested parts of Jellyfin's {@code UserDto} and {@code SessionInfoDto}, with Jellyfin's defaults; only
 * keys that both 10.11 and 12.0 declare ({@code NowPlayingQueueFullItems} is gone in 12.0).
 */
final class FakeJellyfinUserJson {

    private FakeJellyfinUserJson() {
    }

    static Map<String, Object> configuration() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("AudioLanguagePreference", "");
        json.put("PlayDefaultAudioTrack", true);
        json.put("SubtitleLanguagePreference", "");
        json.put("DisplayMissingEpisodes", false);
        json.put("GroupedFolders", List.of());
        json.put("SubtitleMode", "Default");
        json.put("DisplayCollectionsView", false);
        json.put("EnableLocalPassword", false);
        json.put("OrderedViews", List.of());
        json.put("LatestItemsExcludes", List.of());
        json.put("MyMediaExcludes", List.of());
        json.put("HidePlayedInLatest", true);
        json.put("RememberAudioSelections", true);
        json.put("RememberSubtitleSelections", true);
        json.put("EnableNextEpisodeAutoPlay", true);
        return json;
    }

    static Map<String, Object> policy(FakeJellyfinState.Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("IsAdministrator", account.admin);
        json.put("IsHidden", account.hidden);
        json.put("EnableCollectionManagement", account.admin);
        json.put("EnableSubtitleManagement", account.admin);
        json.put("EnableLyricManagement", false);
        json.put("IsDisabled", account.disabled);
        json.put("BlockedTags", List.of());
        json.put("AllowedTags", List.of());
        json.put("EnableUserPreferenceAccess", true);
        json.put("AccessSchedules", List.of());
        json.put("BlockUnratedItems", List.of());
        json.put("EnableRemoteControlOfOtherUsers", account.admin);
        json.put("EnableSharedDeviceControl", true);
        json.put("EnableRemoteAccess", true);
        json.put("EnableLiveTvManagement", true);
        json.put("EnableLiveTvAccess", true);
        json.put("EnableMediaPlayback", true);
        json.put("EnableAudioPlaybackTranscoding", true);
        json.put("EnableVideoPlaybackTranscoding", true);
        json.put("EnablePlaybackRemuxing", true);
        json.put("ForceRemoteSourceTranscoding", false);
        json.put("EnableContentDeletion", account.admin);
        json.put("EnableContentDeletionFromFolders", List.of());
        json.put("EnableContentDownloading", true);
        json.put("EnableSyncTranscoding", true);
        json.put("EnableMediaConversion", true);
        json.put("EnabledDevices", List.of());
        json.put("EnableAllDevices", true);
        json.put("EnabledChannels", List.of());
        json.put("EnableAllChannels", true);
        json.put("EnabledFolders", account.libraryIds == null ? List.of() : List.copyOf(account.libraryIds));
        json.put("EnableAllFolders", account.libraryIds == null);
        json.put("InvalidLoginAttemptCount", 0);
        json.put("LoginAttemptsBeforeLockout", -1);
        json.put("MaxActiveSessions", 0);
        json.put("EnablePublicSharing", true);
        json.put("BlockedMediaFolders", List.of());
        json.put("BlockedChannels", List.of());
        json.put("RemoteClientBitrateLimit", 0);
        json.put("AuthenticationProviderId", "Jellyfin.Server.Implementations.Users.DefaultAuthenticationProvider");
        json.put("PasswordResetProviderId", "Jellyfin.Server.Implementations.Users.DefaultPasswordResetProvider");
        json.put("SyncPlayAccess", "CreateAndJoinGroups");
        return json;
    }

    static Map<String, Object> sessionInfo(FakeJellyfinState state, FakeJellyfinState.Session session,
                                           FakeJellyfinState.Account account) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("PlayState", Map.of("CanSeek", false, "IsPaused", false, "IsMuted", false, "RepeatMode", "RepeatNone"));
        json.put("AdditionalUsers", List.of());
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("PlayableMediaTypes", List.of());
        capabilities.put("SupportedCommands", List.of());
        capabilities.put("SupportsMediaControl", false);
        capabilities.put("SupportsPersistentIdentifier", true);
        json.put("Capabilities", capabilities);
        json.put("RemoteEndPoint", "127.0.0.1");
        json.put("PlayableMediaTypes", List.of());
        json.put("Id", session.sessionId());
        json.put("UserId", account.id);
        json.put("UserName", account.name);
        json.put("Client", session.client());
        FakeJellyfinJson.putDate(json, "LastActivityDate", session.created());
        json.put("LastPlaybackCheckIn", "0001-01-01T00:00:00.0000000Z");
        json.put("DeviceName", session.device());
        json.put("DeviceId", session.deviceId());
        json.put("ApplicationVersion", session.version());
        json.put("IsActive", true);
        json.put("SupportsMediaControl", false);
        json.put("SupportsRemoteControl", false);
        json.put("NowPlayingQueue", List.of());
        json.put("HasCustomDeviceName", false);
        json.put("ServerId", state.serverId);
        json.put("SupportedCommands", List.of());
        return json;
    }
}
