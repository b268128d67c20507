package app.pathary.seerr;

import java.time.Instant;

/**
 * One request in Seerr's words: the media it is for ({@code movie} or {@code tv} and the TMDb id), who asked (the user's
 * {@code username}, else their {@code email}) and when ({@code createdAt}); {@code status} 1 pending, 2 approved,
 * 3 declined.
 */
public record SeerrRequest(int id, String mediaType, int tmdbId, String requestedBy, Instant createdAt, int status) {
}
