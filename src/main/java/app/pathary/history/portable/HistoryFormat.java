package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The files Pathary reads and writes. */
public enum HistoryFormat {
    PATHARY("Pathary CSV"),
    EPISODES("Pathary episodes CSV"),
    MOVARY("Movary history.csv"),
    LETTERBOXD("Letterboxd diary"),
    TRAKT("Trakt export");

    private final String label;

    HistoryFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The format named by {@code text} (as {@code --format} or a form gives it); a 400 naming the field otherwise. */
    public static HistoryFormat of(String text, String field) {
        for (HistoryFormat format : values()) {
            if (format.code().equalsIgnoreCase(text == null ? "" : text.strip())) {
                return format;
            }
        }
        throw new InvalidInputException(field + " must be one of " + Arrays.stream(values()).map(HistoryFormat::code)
                .collect(Collectors.joining(", ")) + ", not '" + text + "'.");
    }
}
