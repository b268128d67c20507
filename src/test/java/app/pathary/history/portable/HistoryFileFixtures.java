package app.pathary.history.portable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** The hand-made files of {@code src/test/resources/history-files} (see SOURCES.md there) and ZIPs made of them. */
final class HistoryFileFixtures {
    private HistoryFileFixtures() {
    }

    static byte[] bytes(String path) {
        try (var in = HistoryFileFixtures.class.getResourceAsStream("/history-files/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    /** Trakt's export as its ZIP holds it: the history files in a user folder, the older one at the top, other files beside. */
    static byte[] traktZip() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("trakt-export-user/watched-history-1.json", bytes("trakt/trakt-export-user/watched-history-1.json"));
        entries.put("trakt-export-user/history-notes.json", bytes("trakt/trakt-export-user/history-notes.json"));
        entries.put("trakt-export-user/watchlist.json", bytes("trakt/trakt-export-user/watchlist.json"));
        entries.put("history-1.json", bytes("trakt/history-1.json"));
        return zip(entries);
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
