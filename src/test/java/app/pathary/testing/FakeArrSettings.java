package app.pathary.testing;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What Radarr and Sonarr fakes share: identity, API key, switches, tags, disks and the log of deleted
 * paths. It is also the lock every route and seeding method holds.
 */
final class FakeArrSettings {

    final String product;
    final String version;
    final String apiKey = UUID.randomUUID().toString().replace("-", "");
    final String urlBase;
    final Map<Integer, String> tags = new LinkedHashMap<>();
    final List<FakeDisk> disks = new ArrayList<>();
    final List<String> deletedFiles = new ArrayList<>();
    /** Root folders as {@code /rootfolder} lists them; an item's parent folder is added with the item, as the *arr requires. */
    final java.util.Set<String> rootFolders = new java.util.LinkedHashSet<>();
    final Instant startTime = Instant.parse("2025-11-09T08:00:00Z");
    String recycleBin = "";
    boolean unmonitorDeleted;
    boolean rootFolderMissing;
    volatile boolean startingUp;
    Clock clock = Clock.systemUTC();

    FakeArrSettings(String product, String version, String urlBase) {
        this.product = product;
        this.version = version;
        this.urlBase = urlBase;
    }

    Instant now() {
        return clock.instant();
    }

    /** An added item's parent folder is a root folder, unless a root folder already holds the item. */
    void registerRootFolderOf(String itemPath) {
        if (rootFolders.stream().noneMatch(root -> isSameOrParent(root, itemPath))) {
            rootFolders.add(parentOf(itemPath));
        }
    }

    /** Adds a tag as the *arr does: labels are stored in lower case and an existing label keeps its id. */
    int addTag(String label) {
        String lower = label.toLowerCase(Locale.ROOT);
        for (Map.Entry<Integer, String> tag : tags.entrySet()) {
            if (tag.getValue().equals(lower)) {
                return tag.getKey();
            }
        }
        int id = tags.size() + 1;
        tags.put(id, lower);
        return id;
    }

    /**
     * Records a deleted file or folder and, without a recycle bin, gives its bytes back to the disk that
     * holds it (with a recycle bin the bytes only move).
     */
    void deleted(String path, long bytes) {
        deletedFiles.add(path);
        if (recycleBin.isBlank()) {
            diskOf(path).ifPresent(d -> d.freeLater(bytes));
        }
    }

    /** The disk holding {@code path}: the longest disk path above it. */
    java.util.Optional<FakeDisk> diskOf(String path) {
        return disks.stream().filter(d -> isSameOrParent(d.path, path)).max(Comparator.comparingInt(d -> d.path.length()));
    }

    /** The 409 safety check of a file delete: the root folder (the item folder's parent) must exist. */
    void requireRootFolder(String itemPath, String owner) {
        if (rootFolderMissing) {
            throw FakeArrError.message(409, owner + " root folder (" + parentOf(itemPath) + ") doesn't exist.",
                    "NzbDrone.Core.Exceptions.NzbDroneClientException");
        }
    }

    static String parentOf(String path) {
        String trimmed = path.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        return slash <= 0 ? "/" : trimmed.substring(0, slash);
    }

    /** Whether {@code folder} is {@code path} or one of its ancestors, segment-wise. */
    static boolean isSameOrParent(String folder, String path) {
        String a = folder.replaceAll("/+$", "");
        String b = path.replaceAll("/+$", "");
        return a.isEmpty() || b.equals(a) || b.startsWith(a + "/");
    }
}
