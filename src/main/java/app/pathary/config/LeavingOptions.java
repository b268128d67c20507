package app.pathary.config;

import java.util.List;
import java.util.Locale;

/**
 * The leaving-soon lifecycle: how long an eligible item is announced before it goes, the Jellyfin collections that show
 * it, and how keep requests are decided.
 *
 * @param days             CLEANUP_LEAVING_SOON_DAYS (default 7; 0 deletes at the next run, without announcing)
 * @param collections      CLEANUP_LEAVING_COLLECTIONS (default false): keep the "Leaving soon" collections in Jellyfin;
 *                         switching it off removes the collections Pathary made
 * @param moviesCollection CLEANUP_LEAVING_MOVIES_COLLECTION (default "Leaving soon")
 * @param seriesCollection CLEANUP_LEAVING_SERIES_COLLECTION (default "Leaving soon: series")
 * @param keepRequests     CLEANUP_KEEP_REQUESTS: {@code admin} (default, an admin decides), {@code auto} (granted at once
 *                         for {@code keepDays}) or {@code off}
 * @param keepDays         CLEANUP_KEEP_EXTENSION_DAYS (default 30): how long an automatic grant keeps an item
 */
public record LeavingOptions(int days, boolean collections, String moviesCollection, String seriesCollection, KeepRequests keepRequests,
        int keepDays) {
    public static final String DAYS = "CLEANUP_LEAVING_SOON_DAYS";
    public static final String COLLECTIONS = "CLEANUP_LEAVING_COLLECTIONS";
    public static final String MOVIES_COLLECTION = "CLEANUP_LEAVING_MOVIES_COLLECTION";
    public static final String SERIES_COLLECTION = "CLEANUP_LEAVING_SERIES_COLLECTION";
    public static final String KEEP_REQUESTS = "CLEANUP_KEEP_REQUESTS";
    public static final String KEEP_DAYS = "CLEANUP_KEEP_EXTENSION_DAYS";

    /** Who decides a keep request. */
    public enum KeepRequests { ADMIN, AUTO, OFF }

    public static LeavingOptions defaults() {
        return new LeavingOptions(7, false, "Leaving soon", "Leaving soon: series", KeepRequests.ADMIN, 30);
    }

    public static LeavingOptions parse(Environment environment) {
        LeavingOptions d = defaults();
        String movies = environment.get(MOVIES_COLLECTION).map(String::strip).orElse(d.moviesCollection());
        String series = environment.get(SERIES_COLLECTION).map(String::strip).orElse(d.seriesCollection());
        if (movies.isEmpty() || series.isEmpty() || movies.equalsIgnoreCase(series)) {
            throw new ConfigException(MOVIES_COLLECTION + " and " + SERIES_COLLECTION + " must be two different, non-empty names.");
        }
        return new LeavingOptions(
                environment.get(DAYS).map(v -> OptionRules.wholeNumber(DAYS, v, 0, 365)).orElse(d.days()),
                environment.get(COLLECTIONS).map(v -> OptionRules.bool(COLLECTIONS, v)).orElse(d.collections()),
                movies, series,
                environment.get(KEEP_REQUESTS).map(v -> KeepRequests.valueOf(OptionRules.oneOf(KEEP_REQUESTS, v,
                        List.of("admin", "auto", "off")).toUpperCase(Locale.ROOT))).orElse(d.keepRequests()),
                environment.get(KEEP_DAYS).map(v -> OptionRules.wholeNumber(KEEP_DAYS, v, 1, 3650)).orElse(d.keepDays()));
    }
}
