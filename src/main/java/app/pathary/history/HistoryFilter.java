package app.pathary.history;

/**
 * What the history list shows: a title search, the year watched, a least number of plays (2 = re-watches), and only
 * dates with a comment. {@link #none()} shows everything.
 */
public record HistoryFilter(String search, Integer year, Integer minPlays, boolean withComment) {
    public HistoryFilter {
        search = search == null ? "" : search.strip();
    }

    public static HistoryFilter none() {
        return new HistoryFilter("", null, null, false);
    }

    public static HistoryFilter title(String search) {
        return new HistoryFilter(search, null, null, false);
    }

    public boolean isEmpty() {
        return search.isEmpty() && year == null && minPlays == null && !withComment;
    }

    /** The query string that repeats this filter ({@code &search=...&year=...}), for page links. */
    public String query() {
        StringBuilder q = new StringBuilder();
        if (!search.isEmpty()) {
            q.append("&search=").append(java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8));
        }
        if (year != null) {
            q.append("&year=").append(year);
        }
        if (minPlays != null) {
            q.append("&plays=").append(minPlays);
        }
        if (withComment) {
            q.append("&comment=yes");
        }
        return q.toString();
    }
}
