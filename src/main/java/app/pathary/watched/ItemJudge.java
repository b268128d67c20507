package app.pathary.watched;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Judges one movie or episode under a policy on a given day: the verdict and the sentences that explain it. */
final class ItemJudge {
    private final LibrarySnapshot snapshot;
    private final WatchPolicy policy;
    private final LocalDate today;

    ItemJudge(LibrarySnapshot snapshot, WatchPolicy policy, LocalDate today) {
        this.snapshot = snapshot;
        this.policy = policy;
        this.today = today;
    }

    /** The verdict of one item; {@code why} is the kind of reason (used to aggregate seasons). */
    record Judgement(MediaItem item, Verdict verdict, Why why, List<String> reasons, LocalDate lastPlayed, LocalDate eligibleOn) {
    }

    enum Why { FAVOURITE, NOT_WATCHED, NO_DATE, BEFORE_ADDED, GRACE, PASSED }

    Judgement judge(MediaItem item) {
        List<String> favourites = favourites(item);
        if (!favourites.isEmpty()) {
            return new Judgement(item, Verdict.KEPT, Why.FAVOURITE, favourites, null, null);
        }
        List<String> deciders = policy.deciders();
        List<String> watchedBy = new ArrayList<>();
        List<String> notWatchedBy = new ArrayList<>();
        for (String user : deciders) {
            (snapshot.play(user, item.id()).played() ? watchedBy : notWatchedBy).add(user);
        }
        boolean watched = policy.strategy() == Strategy.ALL ? notWatchedBy.isEmpty() && !deciders.isEmpty() : !watchedBy.isEmpty();
        if (!watched) {
            return new Judgement(item, Verdict.KEPT, Why.NOT_WATCHED, List.of(notWatchedSentence(notWatchedBy)), null, null);
        }
        List<String> playedWithoutDate = watchedBy.stream().filter(u -> snapshot.play(u, item.id()).lastPlayed() == null).toList();
        if (!playedWithoutDate.isEmpty()) {
            return new Judgement(item, Verdict.DOUBTFUL, Why.NO_DATE, List.of("played by " + join(playedWithoutDate)
                    + " without a last-played date, so the grace period cannot be counted"), null, null);
        }
        Instant latest = watchedBy.stream().map(u -> snapshot.play(u, item.id()).lastPlayed()).max(Instant::compareTo).orElseThrow();
        LocalDate lastPlayed = day(latest);
        String watchedSentence = "watched by " + join(watchedBy.stream().map(u -> u + " on " + day(snapshot.play(u, item.id()).lastPlayed())).toList());
        if (item.dateCreated() != null && latest.isBefore(item.dateCreated())) {
            return new Judgement(item, Verdict.DOUBTFUL, Why.BEFORE_ADDED, List.of(watchedSentence,
                    "the file was added on " + day(item.dateCreated()) + ", after the last play (an upgrade or a new download?)"),
                    lastPlayed, null);
        }
        int grace = policy.graceDays(item);
        LocalDate eligibleOn = lastPlayed.plusDays(grace);
        if (today.isBefore(eligibleOn)) {
            return new Judgement(item, Verdict.WAITING, Why.GRACE, List.of(watchedSentence,
                    "grace of " + days(grace) + " ends on " + eligibleOn), lastPlayed, eligibleOn);
        }
        return new Judgement(item, Verdict.ELIGIBLE, Why.PASSED, List.of(watchedSentence,
                "grace of " + days(grace) + " passed on " + eligibleOn), lastPlayed, eligibleOn);
    }

    /** Who marked the item, its season or its series favourite (when favourites keep items). */
    private List<String> favourites(MediaItem item) {
        if (!policy.keepFavorites()) {
            return List.of();
        }
        List<String> reasons = new ArrayList<>();
        for (String user : policy.favouriteKeepers()) {
            if (snapshot.play(user, item.id()).favorite()) {
                reasons.add("a favourite of " + user);
            } else if (item.isEpisode() && snapshot.favoriteFolder(user, item.seasonId())) {
                reasons.add("a favourite of " + user + " (inherited from season " + item.seasonNumber() + " of " + item.seriesName() + ")");
            } else if (item.isEpisode() && snapshot.favoriteFolder(user, item.seriesId())) {
                reasons.add("a favourite of " + user + " (inherited from the series " + item.seriesName() + ")");
            }
        }
        return reasons;
    }

    private String notWatchedSentence(List<String> notWatchedBy) {
        return switch (policy.strategy()) {
            case PRIMARY -> "not watched by " + policy.primaryUser();
            case ANY -> "not watched by any counted user (" + join(policy.countedUsers()) + ")";
            case ALL -> policy.countedUsers().isEmpty() ? "no users are counted" : "not yet watched by " + join(notWatchedBy);
        };
    }

    private LocalDate day(Instant instant) {
        return instant.atZone(policy.zone()).toLocalDate();
    }

    private static String days(int grace) {
        return grace + (grace == 1 ? " day" : " days");
    }

    static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return String.join("", parts);
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
