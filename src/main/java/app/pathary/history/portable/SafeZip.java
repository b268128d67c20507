package app.pathary.history.portable;

import app.pathary.common.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the wanted entries of an uploaded ZIP into memory, never to disk, within limits: a zip bomb (an entry or a
 * whole archive that inflates past the limits), too many entries, a name that climbs out of the archive (..,
 * absolute paths, backslashes) and a cut-short or damaged archive each refuse the file with one sentence.
 */
final class SafeZip {
    static final int MAX_ENTRIES = 5_000;
    static final long MAX_ENTRY_BYTES = 64L * 1024 * 1024;
    static final long MAX_TOTAL_BYTES = 256L * 1024 * 1024;

    private SafeZip() {
    }

    static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    /** The contents of the entries whose name {@code wanted} accepts, by name, in the archive's order. */
    static Map<String, byte[]> read(byte[] zip, Predicate<String> wanted) {
        return read(zip, wanted, MAX_ENTRY_BYTES, MAX_TOTAL_BYTES);
    }

    static Map<String, byte[]> read(byte[] zip, Predicate<String> wanted, long maxEntry, long maxTotal) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        long total = 0;
        int entries = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new InvalidInputException("The ZIP file holds more than " + MAX_ENTRIES + " entries; nothing from it was imported.");
                }
                String name = entry.getName();
                if (unsafe(name)) {
                    throw new InvalidInputException("The ZIP file holds an entry with an unsafe name ('" + shortened(name)
                            + "'); nothing from it was imported.");
                }
                boolean keep = !entry.isDirectory() && wanted.test(name);
                ByteArrayOutputStream out = keep ? new ByteArrayOutputStream() : null;
                long size = 0;
                int read;
                while ((read = in.read(buffer)) > 0) {
                    size += read;
                    total += read;
                    if (size > maxEntry || total > maxTotal) {
                        throw new InvalidInputException("The ZIP file inflates past " + megabytes(size > maxEntry ? maxEntry : maxTotal)
                                + (size > maxEntry ? " in its entry " + shortened(name) : " in all") + ", more than an export can hold;"
                                + " nothing from it was imported.");
                    }
                    if (out != null) {
                        out.write(buffer, 0, read);
                    }
                }
                if (out != null) {
                    found.put(name, out.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("The ZIP file is damaged or cut short (" + e.getMessage() + "); nothing from it was imported.");
        }
        if (entries == 0) {
            throw new InvalidInputException("The ZIP file is empty or damaged; nothing from it was imported.");
        }
        return found;
    }

    private static boolean unsafe(String name) {
        return name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0") || name.matches("^[A-Za-z]:.*")
                || name.equals("..") || name.startsWith("../") || name.contains("/../") || name.endsWith("/..");
    }

    private static String megabytes(long bytes) {
        return (bytes / (1024 * 1024)) + " MB";
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
