package app.pathary.history;

import app.pathary.show.Episode;
import app.pathary.show.Show;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Episode dates grouped per show per day, as the history list shows them: "The Expanse S02E03–E05". Groups keep the
 * order of their first date in the list; inside a group episodes run by season and number, and consecutive episodes of
 * a season are written as one range.
 */
public final class EpisodeGroups {
    private EpisodeGroups() {
    }

    /** One show on one day (date null: unknown) with the episodes watched then. */
    public record Group(Show show, LocalDate date, List<EpisodeWatchDate> entries) {
        /** "S02E03–E05", "S01E10, S02E01". */
        public String label() {
            return EpisodeGroups.label(entries.stream().map(EpisodeWatchDate::episode).toList());
        }

        public int plays() {
            return entries.stream().mapToInt(EpisodeWatchDate::plays).sum();
        }

        public List<String> comments() {
            return entries.stream().map(EpisodeWatchDate::comment).filter(Objects::nonNull).toList();
        }
    }

    public static List<Group> of(List<EpisodeWatchDate> entries) {
        record Key(long showId, LocalDate date) {
        }
        Map<Key, List<EpisodeWatchDate>> groups = new LinkedHashMap<>();
        for (EpisodeWatchDate entry : entries) {
            groups.computeIfAbsent(new Key(entry.show().id(), entry.watchedAt()), k -> new ArrayList<>()).add(entry);
        }
        return groups.values().stream().map(list -> {
            List<EpisodeWatchDate> sorted = list.stream()
                    .sorted(Comparator.comparingInt((EpisodeWatchDate e) -> e.episode().season()).thenComparingInt(e -> e.episode().number()))
                    .toList();
            return new Group(sorted.getFirst().show(), sorted.getFirst().watchedAt(), sorted);
        }).toList();
    }

    /** Episodes (sorted by season and number) written as ranges: consecutive numbers of one season become "SxxEyy–Ezz". */
    static String label(List<Episode> episodes) {
        List<String> runs = new ArrayList<>();
        int i = 0;
        while (i < episodes.size()) {
            Episode first = episodes.get(i);
            int end = last(first);
            int j = i + 1;
            while (j < episodes.size() && episodes.get(j).season() == first.season() && episodes.get(j).number() <= end + 1) {
                end = Math.max(end, last(episodes.get(j)));
                j++;
            }
            String code = "S%02dE%02d".formatted(first.season(), first.number());
            runs.add(end > first.number() ? code + "–E%02d".formatted(end) : code);
            i = j;
        }
        return String.join(", ", runs);
    }

    private static int last(Episode episode) {
        return episode.endNumber() == null ? episode.number() : episode.endNumber();
    }
}
