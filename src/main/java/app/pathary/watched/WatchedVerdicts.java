package app.pathary.watched;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Pure: turns a sweep and a policy into the watched report. Movies are judged one by one; TV is judged per season
 * (eligible only when every episode with a file is), except the specials (season 0), judged per episode.
 */
public final class WatchedVerdicts {
    private WatchedVerdicts() {
    }

    public static WatchedReport plan(LibrarySnapshot snapshot, WatchPolicy policy, LocalDate today, Instant computedAt) {
        ItemJudge judge = new ItemJudge(snapshot, policy, today);
        List<ReportEntry> entries = new ArrayList<>();
        Map<String, List<ItemJudge.Judgement>> seasons = new LinkedHashMap<>();
        for (MediaItem item : snapshot.items()) {
            ItemJudge.Judgement judgement = judge.judge(item);
            if (!item.isEpisode()) {
                entries.add(entry("movie", judgement, snapshot));
            } else if (Objects.equals(item.seasonNumber(), 0)) {
                entries.add(entry("episode", judgement, snapshot));
            } else {
                String key = item.seriesId() + "/" + (item.seasonId() != null ? item.seasonId() : "S" + item.seasonNumber());
                seasons.computeIfAbsent(key, k -> new ArrayList<>()).add(judgement);
            }
        }
        seasons.values().forEach(episodes -> entries.add(SeasonVerdict.of(episodes, snapshot)));
        entries.replaceAll(entry -> withWatchedByAll(entry, snapshot, policy.countedUsers()));
        entries.sort(Comparator.comparing((ReportEntry e) -> e.series() == null ? e.name() : e.series())
                .thenComparing(e -> e.season() == null ? -1 : e.season())
                .thenComparing(e -> e.episode() == null ? "" : e.episode()));
        String summary = policy.strategy().value() + (policy.strategy() == Strategy.PRIMARY ? " (" + policy.primaryUser() + ")"
                : " (" + String.join(", ", policy.countedUsers()) + ")") + ", grace " + policy.graceDaysMovies() + " days for movies and "
                + policy.graceDaysEpisodes() + " for episodes" + (policy.keepFavorites() ? ", favourites kept" : "");
        return new WatchedReport(computedAt, today, summary, entries);
    }

    /** Marks eligible and waiting entries watched by every counted user (a season: every episode), or not. */
    private static ReportEntry withWatchedByAll(ReportEntry entry, LibrarySnapshot snapshot, List<String> counted) {
        if (entry.verdict() != Verdict.ELIGIBLE && entry.verdict() != Verdict.WAITING) {
            return entry;
        }
        java.util.function.Predicate<String> all = id -> id != null && !counted.isEmpty()
                && counted.stream().allMatch(user -> snapshot.play(user, id).played());
        if (entry.episodes().isEmpty()) {
            return entry.withWatchedByAll(entry.episodes(), all.test(entry.jellyfinId()));
        }
        List<ReportEntry> episodes = entry.episodes().stream().map(e -> e.withWatchedByAll(e.episodes(), all.test(e.jellyfinId()))).toList();
        return entry.withWatchedByAll(episodes, episodes.stream().allMatch(e -> Boolean.TRUE.equals(e.watchedByAll())));
    }

    static ReportEntry entry(String kind, ItemJudge.Judgement judgement, LibrarySnapshot snapshot) {
        MediaItem item = judgement.item();
        Series series = snapshot.series(item.seriesId()).orElse(null);
        String label = item.isEpisode() ? item.label() : null;
        return new ReportEntry(kind, item.id(), item.isEpisode() ? label + " " + item.name() : item.name(),
                item.isEpisode() ? item.seriesName() : null, item.seasonNumber(), label,
                item.episodeNumber(), item.episodeEnd(), item.path(), item.isEpisode() ? (series == null ? null : series.tmdbId()) : item.tmdbId(),
                item.isEpisode() ? (series == null ? null : series.tvdbId()) : null, judgement.verdict(), judgement.reasons(),
                judgement.lastPlayed(), judgement.eligibleOn(), List.of(), item.isEpisode() ? null : item.year());
    }
}
