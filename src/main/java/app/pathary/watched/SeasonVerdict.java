package app.pathary.watched;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A season's verdict from its episodes' (those with a file): eligible only when every one is; kept when one is a
 * favourite or unwatched; doubtful when one is; otherwise waiting until the last grace period ends.
 */
final class SeasonVerdict {
    private static final int NAMED = 5;

    private SeasonVerdict() {
    }

    static ReportEntry of(List<ItemJudge.Judgement> judgements, LibrarySnapshot snapshot) {
        List<ItemJudge.Judgement> episodes = new ArrayList<>(judgements);
        episodes.sort(Comparator.comparingInt(j -> j.item().episodeNumber() == null ? 0 : j.item().episodeNumber()));
        MediaItem first = episodes.getFirst().item();
        Series series = snapshot.series(first.seriesId()).orElse(null);
        // one pass over the episodes (a large library has tens of thousands of seasons; six streams each were a
        // noticeable part of a sweep)
        List<ReportEntry> children = new ArrayList<>(episodes.size());
        List<ItemJudge.Judgement> favourites = new ArrayList<>(0);
        List<ItemJudge.Judgement> unwatched = new ArrayList<>(0);
        List<ItemJudge.Judgement> doubtful = new ArrayList<>(0);
        List<ItemJudge.Judgement> waiting = new ArrayList<>(0);
        LocalDate lastPlayed = null;
        LocalDate eligibleOn = null;
        for (ItemJudge.Judgement j : episodes) {
            children.add(WatchedVerdicts.entry("episode", j, snapshot));
            lastPlayed = later(lastPlayed, j.lastPlayed());
            eligibleOn = later(eligibleOn, j.eligibleOn());
            if (j.why() == ItemJudge.Why.FAVOURITE) {
                favourites.add(j);
            } else if (j.why() == ItemJudge.Why.NOT_WATCHED) {
                unwatched.add(j);
            } else if (j.why() == ItemJudge.Why.GRACE) {
                waiting.add(j);
            }
            if (j.verdict() == Verdict.DOUBTFUL) {
                doubtful.add(j);
            }
        }
        Verdict verdict;
        List<String> reasons;
        if (!favourites.isEmpty()) {
            verdict = Verdict.KEPT;
            reasons = favourites.stream().limit(NAMED).map(j -> j.item().label() + " is " + j.reasons().getFirst()).toList();
        } else if (!unwatched.isEmpty()) {
            verdict = Verdict.KEPT;
            reasons = List.of(unwatched.size() + " of " + episodes.size() + " episodes are not watched (" + labels(unwatched) + "): "
                    + unwatched.getFirst().reasons().getFirst());
        } else if (!doubtful.isEmpty()) {
            verdict = Verdict.DOUBTFUL;
            reasons = doubtful.stream().limit(NAMED).map(j -> j.item().label() + ": " + String.join("; ", j.reasons())).toList();
        } else if (!waiting.isEmpty()) {
            verdict = Verdict.WAITING;
            reasons = List.of("all " + episodes.size() + " episodes watched, last on " + lastPlayed,
                    "the last grace period ends on " + eligibleOn + " (" + labels(waiting) + ")");
        } else {
            verdict = Verdict.ELIGIBLE;
            reasons = List.of("all " + episodes.size() + " episodes watched, last on " + lastPlayed,
                    "every grace period has passed, the last on " + eligibleOn);
        }
        return new ReportEntry("season", first.seasonId(), first.seriesName() + " season " + first.seasonNumber(),
                first.seriesName(), first.seasonNumber(), null, null, null, commonFolder(episodes), series == null ? null : series.tmdbId(),
                series == null ? null : series.tvdbId(), verdict, reasons, lastPlayed,
                verdict == Verdict.ELIGIBLE || verdict == Verdict.WAITING ? eligibleOn : null, children);
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || (b != null && b.isAfter(a)) ? b : a;
    }

    private static String labels(List<ItemJudge.Judgement> episodes) {
        String named = String.join(", ", episodes.stream().limit(NAMED).map(j -> j.item().label()).toList());
        return episodes.size() > NAMED ? named + " and " + (episodes.size() - NAMED) + " more" : named;
    }

    /** The deepest folder holding every episode file of the season (null when paths are unknown). */
    static String commonFolder(List<ItemJudge.Judgement> episodes) {
        String common = null;
        for (ItemJudge.Judgement judgement : episodes) {
            String path = judgement.item().path();
            if (path == null) {
                return null;
            }
            String folder = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
            common = common == null ? folder : prefixFolder(common, folder);
        }
        return common;
    }

    private static String prefixFolder(String a, String b) {
        String[] left = a.split("/", -1);
        String[] right = b.split("/", -1);
        int n = 0;
        while (n < left.length && n < right.length && left[n].equals(right[n])) {
            n++;
        }
        return String.join("/", java.util.Arrays.copyOf(left, n));
    }
}
