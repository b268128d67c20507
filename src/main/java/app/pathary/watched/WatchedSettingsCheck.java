package app.pathary.watched;

import app.pathary.common.InvalidInputException;
import app.pathary.config.WatchedOptions;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.jellyfin.client.JellyfinException;
import app.pathary.jellyfin.client.JellyfinServer;
import app.pathary.jellyfin.client.dto.UserDto;
import java.util.List;
import java.util.Optional;

/**
 * Checks watched-state settings before they are saved, with the rules the sweep applies (so a save never stores what
 * the next report would fail on): the primary strategy needs a primary user, and the users named must be Jellyfin's.
 * Jellyfin is asked only when it is configured; when it cannot be asked, the save goes ahead with a warning.
 */
public final class WatchedSettingsCheck {
    private final JellyfinClient client;

    public WatchedSettingsCheck(JellyfinClient client) {
        this.client = client;
    }

    /**
     * Throws an {@link InvalidInputException} naming the field when the settings cannot work; returns a warning when
     * Jellyfin could not be asked about the user names.
     */
    public Optional<String> check(WatchedSettings settings) {
        boolean primary = settings.strategy() == Strategy.PRIMARY;
        if (primary && (settings.primaryUser() == null || settings.primaryUser().isBlank())) {
            throw new InvalidInputException("Primary user (" + WatchedOptions.PRIMARY_USER + ") is empty, but the primary "
                    + "strategy counts only that user's plays: name a Jellyfin user, or choose the any or all strategy.");
        }
        if (!settings.jellyfinConfigured() || (!primary && settings.users().isEmpty())) {
            return Optional.empty();
        }
        List<String> known;
        try {
            known = client.users(new JellyfinServer(settings.jellyfinUrl(), settings.apiKey())).stream().map(UserDto::name).toList();
        } catch (JellyfinException e) {
            return Optional.of("the user names could not be checked against Jellyfin (" + e.userMessage() + ").");
        }
        if (primary && !known.contains(settings.primaryUser())) {
            throw new InvalidInputException("Primary user (" + WatchedOptions.PRIMARY_USER + ") is " + settings.primaryUser()
                    + ", not a Jellyfin user; Jellyfin's users are " + String.join(", ", known) + ".");
        }
        List<String> unknown = settings.users().stream().filter(u -> !known.contains(u)).toList();
        if (!unknown.isEmpty()) {
            throw new InvalidInputException("Users (" + WatchedOptions.USERS + ") names " + String.join(", ", unknown)
                    + ", not a Jellyfin user; Jellyfin's users are " + String.join(", ", known) + ".");
        }
        return Optional.empty();
    }
}
