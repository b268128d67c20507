package app.pathary.jellyfin.images;

import app.pathary.jellyfin.client.ImageData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Posters on disk under {@code DATA_DIR/posters}, at most {@code maxBytes} in all: storing one more first lets go of the
 * oldest written. A file is named by a hash of its key and of its content ({@code <key>_<etag>.<ext>}), so the index
 * is rebuilt from the folder alone after a restart. Nothing is read until the first request (constructors do no I/O).
 */
final class PosterCache {
    /** A stored picture: its bytes, type and ETag (a hash of the bytes). */
    record Stored(byte[] bytes, String contentType, String etag) {
    }

    private record Entry(Path file, String etag, String contentType, long size, long written) {
    }

    private static final Map<String, String> EXTENSIONS = Map.of("image/jpeg", "jpg", "image/png", "png", "image/webp", "webp",
            "image/gif", "gif", "image/avif", "avif");
    private final Path dir;
    private final long maxBytes;
    private Map<String, Entry> index;
    private long total;
    private long lastWritten;

    PosterCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
    }

    synchronized Optional<Stored> find(String key) {
        Entry entry = index().get(hash(key));
        if (entry == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Stored(Files.readAllBytes(entry.file()), entry.contentType(), entry.etag()));
        } catch (IOException e) {
            forget(hash(key));
            return Optional.empty();
        }
    }

    /** Keeps the picture when it fits the cache (and a type we know), and answers it with its ETag either way. */
    synchronized Stored store(String key, ImageData image) {
        String etag = hash(image.bytes());
        Stored stored = new Stored(image.bytes(), image.contentType(), etag);
        String extension = EXTENSIONS.get(image.contentType());
        if (extension == null || image.bytes().length > maxBytes) {
            return stored;
        }
        String name = hash(key);
        forget(name);
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name + "_" + etag + "." + extension);
            Path partial = dir.resolve(name + ".part");
            Files.write(partial, image.bytes());
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // Written times only grow, so that "oldest" is the order of writing even within one millisecond.
            lastWritten = Math.max(lastWritten + 1, Files.getLastModifiedTime(file).toMillis());
            index().put(name, new Entry(file, etag, image.contentType(), image.bytes().length, lastWritten));
            total += image.bytes().length;
            evict();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the poster cache in " + dir, e);
        }
        return stored;
    }

    /** The bytes the cache holds now. */
    synchronized long size() {
        index();
        return total;
    }

    private void evict() {
        while (total > maxBytes && !index.isEmpty()) {
            String oldest = index.entrySet().stream().min(Comparator.comparingLong((Map.Entry<String, Entry> e) -> e.getValue().written())
                    .thenComparing(Map.Entry::getKey)).orElseThrow().getKey();
            forget(oldest);
        }
    }

    private void forget(String name) {
        Entry gone = index().remove(name);
        if (gone != null) {
            total -= gone.size();
            try {
                Files.deleteIfExists(gone.file());
            } catch (IOException ignored) {
                // a file that cannot be deleted is only wasted space; the index no longer knows it
            }
        }
    }

    private Map<String, Entry> index() {
        if (index == null) {
            index = new HashMap<>();
            total = 0;
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    files.forEach(this::load);
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not read the poster cache in " + dir, e);
                }
            }
        }
        return index;
    }

    private void load(Path file) {
        String name = file.getFileName().toString();
        int underscore = name.indexOf('_');
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : EXTENSIONS.entrySet().stream().filter(e -> e.getValue().equals(name.substring(dot + 1)))
                .map(Map.Entry::getKey).findFirst().orElse(null);
        if (underscore < 0 || dot < underscore || type == null) {
            return;
        }
        try {
            long size = Files.size(file);
            long written = Files.getLastModifiedTime(file).toMillis();
            lastWritten = Math.max(lastWritten, written);
            index.put(name.substring(0, underscore), new Entry(file, name.substring(underscore + 1, dot), type, size, written));
            total += size;
        } catch (IOException ignored) {
            // vanished meanwhile
        }
    }

    static String hash(String key) {
        return hash(key.getBytes(StandardCharsets.UTF_8));
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
