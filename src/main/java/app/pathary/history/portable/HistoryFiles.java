package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import app.pathary.history.WatchDateWindow;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an uploaded history file of any supported format, told by its content (the name does not count): a ZIP is
 * Trakt's export (or Letterboxd's, which holds {@code diary.csv}), a JSON array one Trakt history file, and a CSV is
 * told by its header. A format given by the user (CLI {@code --format}) is read as that format.
 */
public final class HistoryFiles {
    private static final Pattern DIARY = Pattern.compile("(?i)(^|.*/)diary\\.csv");
    private final WatchDateWindow window;
    private final ZoneId zone;

    public HistoryFiles(WatchDateWindow window, ZoneId zone) {
        this.window = window;
        this.zone = zone;
    }

    /** @param format null: tell the format from the content */
    ParsedFile read(byte[] content, String name, HistoryFormat format) {
        if (content.length == 0) {
            throw new InvalidInputException("The file " + name + " is empty.");
        }
        if (SafeZip.isZip(content)) {
            Map<String, byte[]> entries = SafeZip.read(content, entry -> TraktExport.NAME.matcher(entry).matches() || DIARY.matcher(entry).matches());
            var diary = entries.entrySet().stream().filter(e -> DIARY.matcher(e.getKey()).matches()).findFirst();
            if (diary.isPresent() && format != HistoryFormat.TRAKT) {
                return CsvHistoryFiles.read(text(diary.get().getValue(), diary.get().getKey()), HistoryFormat.LETTERBOXD, window);
            }
            if (format != null && format != HistoryFormat.TRAKT) {
                throw new InvalidInputException("The file " + name + " is a ZIP; only Trakt's and Letterboxd's exports come as ZIP files.");
            }
            return TraktExport.fromEntries(entries, window, zone);
        }
        String text = text(content, name);
        if (format == HistoryFormat.TRAKT || (format == null && text.startsWith("["))) {
            return TraktExport.readJson(name, text.getBytes(StandardCharsets.UTF_8), window, zone);
        }
        HistoryFormat detected = format != null ? format : CsvHistoryFiles.detect(text);
        if (detected == null) {
            String first = text.lines().findFirst().orElse("").strip();
            throw new InvalidInputException("The file " + name + " is none of the formats Pathary reads (Pathary CSV, Movary history.csv,"
                    + " Letterboxd diary.csv, Trakt export ZIP): its first line is '" + (first.length() > 80 ? first.substring(0, 80) + "…" : first) + "'.");
        }
        return CsvHistoryFiles.read(text, detected, window);
    }

    private static String text(byte[] content, String name) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("The file " + name + " is not UTF-8 text; nothing from it was imported.");
        }
    }
}
