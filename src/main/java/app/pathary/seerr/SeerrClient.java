package app.pathary.seerr;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Seerr's API ({@code /api/v1}) in its own vocabulary. Every failure is a {@link SeerrException}. */
public interface SeerrClient {

    /** Every request made at or after {@code since}, newest first ({@code GET /request?filter=all&sort=added}, paged). */
    List<SeerrRequest> requestsSince(SeerrServer server, Instant since);

    /**
     * A title's {@code mediaInfo} from {@code GET /movie/{tmdbId}} or {@code GET /tv/{tmdbId}}; empty when Seerr holds no
     * media for it (no {@code mediaInfo}, or 404).
     */
    Optional<SeerrMedia> media(SeerrServer server, String mediaType, int tmdbId);

    /** {@code DELETE /media/{id}}: Seerr forgets the title and its requests, so it can be requested again. */
    void deleteMedia(SeerrServer server, int mediaId);
}
