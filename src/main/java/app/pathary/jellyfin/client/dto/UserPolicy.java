package app.pathary.jellyfin.client.dto;

/** The part of Jellyfin's {@code UserPolicy} that Pathary reads. */
public record UserPolicy(boolean isAdministrator, boolean isHidden, boolean isDisabled) {
}
