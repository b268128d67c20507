package app.pathary.watched;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the watched report: a movie, a season (with its episodes) or an episode of the specials, with its
 * verdict and the sentences that explain it. Dates are calendar days in {@code TIMEZONE}; {@code year} is the production
 * year of a movie as Jellyfin knows it. {@code watchedByAll}: every counted user played it (eligible and waiting entries;
 * a season when every episode is), the first rank of disk pressure's order.
 */
@com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
@com.fasterxml.jackson.annotation.JsonIgnoreProperties(value = {"explanation"}, allowGetters = true)
public record ReportEntry(
        String kind,
        String jellyfinId,
        String name,
        String series,
        Integer season,
        String episode,
        Integer episodeNumber,
        Integer episodeEnd,
        String path,
        Integer tmdbId,
        Integer tvdbId,
        Verdict verdict,
        List<String> reasons,
        LocalDate lastPlayed,
        LocalDate eligibleOn,
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_EMPTY)
        List<ReportEntry> episodes,
        Integer year,
        Boolean watchedByAll) {

    @com.fasterxml.jackson.annotation.JsonCreator
    public ReportEntry {
        reasons = List.copyOf(reasons);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    public ReportEntry(String kind, String jellyfinId, String name, String series, Integer season, String episode, Integer episodeNumber,
            Integer episodeEnd, String path, Integer tmdbId, Integer tvdbId, Verdict verdict, List<String> reasons, LocalDate lastPlayed,
            LocalDate eligibleOn, List<ReportEntry> episodes, Integer year) {
        this(kind, jellyfinId, name, series, season, episode, episodeNumber, episodeEnd, path, tmdbId, tvdbId, verdict, reasons, lastPlayed,
                eligibleOn, episodes, year, null);
    }

    public ReportEntry withWatchedByAll(List<ReportEntry> newEpisodes, Boolean all) {
        return new ReportEntry(kind, jellyfinId, name, series, season, episode, episodeNumber, episodeEnd, path, tmdbId, tvdbId, verdict,
                reasons, lastPlayed, eligibleOn, newEpisodes, year, all);
    }

    /** An entry without a known production year (seasons, and reports stored before years were kept). */
    public ReportEntry(String kind, String jellyfinId, String name, String series, Integer season, String episode, Integer episodeNumber,
            Integer episodeEnd, String path, Integer tmdbId, Integer tvdbId, Verdict verdict, List<String> reasons, LocalDate lastPlayed,
            LocalDate eligibleOn, List<ReportEntry> episodes) {
        this(kind, jellyfinId, name, series, season, episode, episodeNumber, episodeEnd, path, tmdbId, tvdbId, verdict, reasons, lastPlayed,
                eligibleOn, episodes, null);
    }

    /** The reasons as one sentence. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String explanation() {
        return String.join("; ", reasons) + ".";
    }

    /** This entry's size in {@code sizes} (Jellyfin id → bytes; a season through its episodes), or null when unknown. */
    public Long sizeIn(java.util.Map<String, Long> sizes) {
        Long own = jellyfinId == null ? null : sizes.get(jellyfinId);
        if (own != null) {
            return own;
        }
        return episodes.stream().map(e -> e.jellyfinId() == null ? null : sizes.get(e.jellyfinId()))
                .filter(java.util.Objects::nonNull).findFirst().orElse(null);
    }
}
