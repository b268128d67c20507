package app.pathary.jellyfin.client.dto;

/**
 * Jellyfin's {@code GET /System/Info}, which any valid user token or API key may read: the
 * authenticated connection test (a stale token gets 401).
 */
public record SystemInfo(
        String localAddress,
        String serverName,
        String version,
        String productName,
        String operatingSystem,
        String id,
        Boolean startupWizardCompleted,
        boolean hasPendingRestart,
        boolean isShuttingDown) {
}
