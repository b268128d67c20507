package app.pathary.jellyfin.client;

/** A picture Jellyfin sent: its bytes and media type (e.g. {@code image/jpeg}). */
public record ImageData(byte[] bytes, String contentType) {
}
