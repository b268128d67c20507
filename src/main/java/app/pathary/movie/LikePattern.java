package app.pathary.movie;

import java.util.Locale;

/** A lower-case SQL LIKE pattern matching text that contains the given words as typed (wildcards escaped). */
public final class LikePattern {
    private LikePattern() {
    }

    public static String contains(String text) {
        String escaped = text.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
