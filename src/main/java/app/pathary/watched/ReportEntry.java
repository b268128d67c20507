package app.pathary.watched;

import java.time.LocalDate;
import java.util.List;

/**
 * One line of the watched report: a movie, a season (with its episodes) or an episode of the specials, with its
 * verdict and the sentences that explain it. Dates are calendar days in {@code TIMEZONE}.
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
        List<ReportEntry> episodes) {

    public ReportEntry {
        reasons = List.copyOf(reasons);
        episodes = episodes == null ? List.of() : List.copyOf(episodes);
    }

    /** The reasons as one sentence. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public String explanation() {
        return String.join("; ", reasons) + ".";
    }
}
