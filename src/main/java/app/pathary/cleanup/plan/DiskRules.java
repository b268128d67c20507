package app.pathary.cleanup.plan;

import app.pathary.cleanup.instances.PathMapping;
import app.pathary.config.DiskLimit;
import app.pathary.config.DiskOptions;
import java.util.List;
import java.util.Optional;

/**
 * The disk limits in force: the global threshold and target (environment) and the root folders' own (CONFIG_FILE
 * {@code cleanup.disks}). A disk whose root folders have rules of their own follows the one that asks for the most free
 * space; other disks follow the global limits; without any, a disk is only shown.
 */
public record DiskRules(Optional<DiskLimit> threshold, Optional<DiskLimit> target, boolean includeWaiting, List<DiskOptions.RootRule> roots) {
    public DiskRules {
        roots = List.copyOf(roots);
    }

    public static DiskRules none() {
        return new DiskRules(Optional.empty(), Optional.empty(), false, List.of());
    }

    public static DiskRules of(DiskOptions options, List<DiskOptions.RootRule> roots) {
        return new DiskRules(options.threshold(), options.target().or(options::threshold), options.includeWaiting(), roots);
    }

    /** Whether any disk can be under pressure at all. */
    public boolean active() {
        return threshold.isPresent() || !roots.isEmpty();
    }

    /** The threshold and target for a disk holding {@code rootFolders} ("instance path") of {@code total} bytes; empty when none applies. */
    Optional<DiskOptions.RootRule> forDisk(List<String> rootFolders, Long total) {
        Optional<DiskOptions.RootRule> own = roots.stream().filter(rule -> rootFolders.stream().anyMatch(root -> matches(rule, root)))
                .max(java.util.Comparator.comparingLong(rule -> {
                    Long free = rule.target().freeBytesOn(total);
                    return free == null ? Long.MIN_VALUE : free;
                }));
        if (own.isPresent()) {
            return own;
        }
        return threshold.map(t -> new DiskOptions.RootRule("", Optional.empty(), t, target.orElse(t)));
    }

    private static boolean matches(DiskOptions.RootRule rule, String root) {
        int space = root.indexOf(' ');
        String instance = root.substring(0, space);
        String path = root.substring(space + 1);
        return rule.instance().map(instance::equals).orElse(true) && path.equals(PathMapping.normalise(rule.rootFolder()));
    }
}
