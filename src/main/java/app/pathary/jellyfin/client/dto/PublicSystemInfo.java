package app.pathary.jellyfin.client.dto;

/**
 * Jellyfin's anonymous {@code GET /System/Info/Public}: the reachability and version probe.
 *
 * @param id                     the ServerId (32 hex characters)
 * @param productName            {@code "Jellyfin Server"} on Jellyfin
 * @param startupWizardCompleted false on a fresh server that nobody has set up yet
 */
public record PublicSystemInfo(
        String localAddress,
        String serverName,
        String version,
        String productName,
        String operatingSystem,
        String id,
        Boolean startupWizardCompleted) {
}
