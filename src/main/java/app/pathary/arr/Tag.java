package app.pathary.arr;

/**
 * {@code GET /api/v3/tag}: items carry tag ids, so resolve labels to ids once per instance. Radarr and
 * Sonarr store labels in lower case; compare them ignoring case.
 */
public record Tag(int id, String label) {
}
