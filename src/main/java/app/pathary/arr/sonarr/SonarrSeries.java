package app.pathary.arr.sonarr;

import java.time.Instant;
import java.util.List;

/**
 * A series as Sonarr lists it ({@code SeriesResource}), the parts a cleanup needs.
 *
 * @param tvdbId     {@code null} when unknown (0)
 * @param tmdbId     {@code null} when unknown (0)
 * @param imdbId     or {@code null}
 * @param path       the series folder in Sonarr's path namespace
 * @param status     {@code continuing}, {@code ended}, {@code upcoming} or {@code deleted}
 * @param tags       tag ids
 * @param seasons    in Sonarr's order (season 0, specials, first when present)
 * @param nextAiring the next monitored episode without a file still to air, or {@code null}
 */
public record SonarrSeries(int id, String title, Integer tvdbId, Integer tmdbId, String imdbId, String path,
                           String status, boolean ended, boolean monitored, List<Integer> tags,
                           List<SeasonInfo> seasons, Instant nextAiring) {

    public SonarrSeries {
        tags = tags == null ? List.of() : List.copyOf(tags);
        seasons = seasons == null ? List.of() : List.copyOf(seasons);
    }
}
