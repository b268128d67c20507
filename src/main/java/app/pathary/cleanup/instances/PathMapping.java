package app.pathary.cleanup.instances;

import app.pathary.config.PathPair;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Maps a Jellyfin path into an *arr's path namespace through prefix pairs ({@code /media/movies → /movies}): whole
 * segments only ({@code /movies} never matches {@code /movies4k}), longest prefix first, after normalising both sides
 * (slashes, trailing slash, Unicode NFC). A path no pair covers is taken as it is (same mounts).
 */
public final class PathMapping {
    /** One pair: a Jellyfin prefix and the *arr prefix it stands for. */
    public record Pair(String jellyfinPrefix, String arrPrefix) {
        public Pair {
            jellyfinPrefix = normalise(jellyfinPrefix);
            arrPrefix = normalise(arrPrefix);
        }
    }

    private static final Pattern DOUBLED_SLASHES = Pattern.compile("/{2,}");
    private final List<Pair> pairs;

    public PathMapping(List<Pair> pairs) {
        List<Pair> sorted = new ArrayList<>(pairs);
        sorted.sort(Comparator.comparingInt((Pair p) -> p.jellyfinPrefix().length()).reversed());
        this.pairs = List.copyOf(sorted);
    }

    public static PathMapping none() {
        return new PathMapping(List.of());
    }

    /** Parses {@code jfPrefix:arrPrefix,jfPrefix:arrPrefix} (the *_PATH_MAP variables; one rule, in config). */
    public static PathMapping parse(String text, String variable) {
        return of(PathPair.parseAll(variable, text));
    }

    /** The mapping of pairs already parsed (from the environment or CONFIG_FILE at startup). */
    public static PathMapping of(List<PathPair> pairs) {
        return new PathMapping(pairs.stream().map(p -> new Pair(p.jellyfinPrefix(), p.arrPrefix())).toList());
    }

    public List<Pair> pairs() {
        return pairs;
    }

    /** The path as the *arr sees it. */
    public String toArr(String jellyfinPath) {
        String path = normalise(jellyfinPath);
        for (Pair pair : pairs) {
            if (within(path, pair.jellyfinPrefix())) {
                return join(pair.arrPrefix(), path.substring(pair.jellyfinPrefix().length()));
            }
        }
        return path;
    }

    /** Whether {@code path} is {@code folder} or inside it (whole segments). Both must be normalised. */
    public static boolean within(String path, String folder) {
        if (folder.equals("/")) {
            return path.startsWith("/");
        }
        return path.equals(folder) || path.startsWith(folder + "/");
    }

    /** Backslashes to slashes, no doubled or trailing slash, Unicode NFC. */
    public static String normalise(String path) {
        if (path == null) {
            return null;
        }
        // a plan normalises every path of the library: skip the work a path does not need (most are NFC already and
        // have no doubled slash); replaceAll compiled its pattern on every call
        String value = path.strip();
        if (!Normalizer.isNormalized(value, Normalizer.Form.NFC)) {
            value = Normalizer.normalize(value, Normalizer.Form.NFC);
        }
        value = value.replace('\\', '/');
        if (value.contains("//")) {
            value = DOUBLED_SLASHES.matcher(value).replaceAll("/");
        }
        while (value.length() > 1 && value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    private static String join(String prefix, String rest) {
        if (rest.isEmpty()) {
            return prefix;
        }
        return prefix.equals("/") ? rest : prefix + rest;
    }
}
