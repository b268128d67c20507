package app.pathary.cleanup.plan;

import app.pathary.cleanup.instances.PathMapping;
import java.util.List;
import java.util.Optional;

/**
 * Pure: a cleanup never deletes a root folder of a Radarr or Sonarr, nor a folder that holds one. Deleting a movie or
 * series "with its files" removes its folder; when that folder is the root folder itself (a library laid out flat) or
 * above one, the whole library would go.
 */
final class RootFolderRule {
    private RootFolderRule() {
    }

    /**
     * Why the item in {@code folder} must be kept, if it must.
     *
     * @param rootFolders the instance's root folders; {@code null} when not modelled (pure tests), an empty list when
     *                    the instance reported none (then nothing of it can be judged safe)
     */
    static Optional<String> keeps(String folder, List<String> rootFolders, String instance) {
        if (rootFolders == null) {
            return Optional.empty();
        }
        if (rootFolders.isEmpty()) {
            return Optional.of(instance + " reports no root folder, so it cannot be told whether this folder holds one");
        }
        String item = PathMapping.normalise(folder);
        if (item == null || item.isEmpty()) {
            return Optional.of(instance + " gives no folder for it");
        }
        for (String root : rootFolders) {
            String normalised = PathMapping.normalise(root);
            if (normalised.equals(item)) {
                return Optional.of("its folder " + item + " is a root folder of " + instance + "; deleting it would remove the library");
            }
            if (PathMapping.within(normalised, item)) {
                return Optional.of("its folder " + item + " holds the root folder " + normalised + " of " + instance);
            }
        }
        return Optional.empty();
    }
}
