package app.pathary.cleanup.apply;

import app.pathary.arr.radarr.RadarrClient;
import app.pathary.arr.sonarr.SonarrClient;
import app.pathary.cleanup.instances.ArrSettingsPages;
import app.pathary.cleanup.instances.ArrSettingsStore;
import app.pathary.cleanup.instances.CleanupLimits;
import app.pathary.cleanup.instances.CleanupSettingsPages;
import app.pathary.cleanup.instances.InstanceCheck;
import app.pathary.cleanup.leaving.LeavingCollections;
import app.pathary.cleanup.leaving.LeavingSoon;
import app.pathary.jellyfin.client.JellyfinServer;
import java.util.Optional;
import app.pathary.cleanup.leaving.LeavingSoonEvents;
import app.pathary.common.SecretBox;
import app.pathary.config.AppConfig;
import app.pathary.config.ReloadableConfigFile;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.job.JobQueue;
import app.pathary.watched.WatchedFacade;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Cleanup through Radarr and Sonarr: the instances and actions, making plans, executing a named plan (each entry
 * re-verified), the stored plans, exclusions and audit, and the cleanup pages and API.
 */
public final class CleanupFacade {
    private final ArrSettingsStore instances;
    private final CleanupStores stores;
    private final CleanupRuns runs;
    private final InstanceCheck check;
    private final ZoneId zone;

    private CleanupFacade(ArrSettingsStore instances, CleanupStores stores, CleanupRuns runs, InstanceCheck check, ZoneId zone) {
        this.instances = instances;
        this.stores = stores;
        this.runs = runs;
        this.check = check;
        this.zone = zone;
    }

    /**
     * The remote systems cleanup talks to: the clients its runs use (reads retried patiently), the ones an admin's
     * "check this instance" uses (answers at once), and the watched sweep.
     */
    public record Remotes(RadarrClient radarr, SonarrClient sonarr, InstanceCheck check, WatchedFacade watched, JellyfinClient jellyfin,
            SeerrLink seerr) {
        public Remotes(RadarrClient radarr, SonarrClient sonarr, InstanceCheck check, WatchedFacade watched, JellyfinClient jellyfin) {
            this(radarr, sonarr, check, watched, jellyfin, SeerrLink.off());
        }
    }

    /**
     * What cleanup keeps and how it keeps time: the database, the parsed configuration and CONFIG_FILE, secrets, the clock,
     * and where plans and deletions are counted.
     */
    public record Wiring(Jdbi jdbi, AppConfig config, ReloadableConfigFile configFile, SecretBox secrets, Clock clock, CleanupMetrics metrics,
            LeavingSoonEvents events) {
        /** Telling no one about leaving-soon events. */
        public Wiring(Jdbi jdbi, AppConfig config, ReloadableConfigFile configFile, SecretBox secrets, Clock clock, CleanupMetrics metrics) {
            this(jdbi, config, configFile, secrets, clock, metrics, LeavingSoonEvents.NONE);
        }
    }

    public static CleanupFacade wire(Wiring wiring, Remotes remotes) {
        ArrSettingsStore instances = new ArrSettingsStore(wiring.jdbi(), wiring.config().arr(), wiring.configFile(), wiring.secrets(), wiring.clock());
        CleanupStores stores = CleanupStores.of(wiring.jdbi(), wiring.clock(), new LeavingSoon.Setting(wiring.config().cleanup().leaving(),
                wiring.clock(), wiring.config().timezone(), wiring.events()));
        ArrReader reader = new ArrReader(remotes.radarr(), remotes.sonarr());
        LeavingCollections collections = new LeavingCollections(remotes.jellyfin(), () -> {
            var settings = remotes.watched().settings().load();
            return settings.jellyfinConfigured() ? Optional.of(new JellyfinServer(settings.jellyfinUrl(), settings.apiKey())) : Optional.empty();
        }, wiring.jdbi(), stores.leaving());
        CleanupRuns runs = new CleanupRuns(remotes.watched().reports(), instances, reader,
                new CleanupExecutor(remotes.radarr(), remotes.sonarr(), stores, remotes.seerr()), stores,
                new CleanupRuns.Setting(wiring.clock(), wiring.config().timezone(), CleanupLimits.from(wiring.config().cleanup()),
                        wiring.metrics(), collections::reconcile, () -> app.pathary.cleanup.plan.DiskRules.of(wiring.config().cleanup().disks(),
                                wiring.configFile().current().diskRules())));
        return new CleanupFacade(instances, stores, runs, remotes.check(), wiring.config().timezone());
    }

    /** Making, checking and executing plans. */
    /** What the cleanup deleted since {@code from} (files and bytes), from the audit log. */
    public CleanupAudit.Reclaimed reclaimedSince(java.time.Instant from) {
        return stores.audit().reclaimedSince(from);
    }

    public CleanupRuns runs() {
        return runs;
    }

    /** The stored plans, hand exclusions and audit log. */
    public CleanupStores stores() {
        return stores;
    }

    /** The leaving-soon schedule and keep requests. */
    /**
     * The size the latest plan gives each Jellyfin item it matched (movies, and every episode of a season entry), so the
     * watched report can show sizes Jellyfin itself only gives with its heavy media-source field.
     */
    public Map<String, Long> plannedSizes() {
        Map<String, Long> sizes = new java.util.HashMap<>();
        stores.plans().latestPlan().ifPresent(plan -> plan.entries().stream().filter(e -> e.bytes() > 0)
                .forEach(e -> e.jellyfinIds().forEach(id -> sizes.put(id, e.bytes()))));
        return sizes;
    }

    public LeavingSoon leaving() {
        return stores.leaving();
    }

    /** The Radarr/Sonarr instances and the cleanup actions (environment, CONFIG_FILE, page). */
    public ArrSettingsStore instances() {
        return instances;
    }

    /** Jellyfin id → production year, from the latest watched report (the plan shows years without carrying them). */
    private static Map<String, Integer> yearsOf(WatchedFacade watched) {
        Map<String, Integer> years = new java.util.HashMap<>();
        watched.stored().latest().ifPresent(report -> report.entries().stream().filter(e -> e.year() != null && e.jellyfinId() != null)
                .forEach(e -> years.put(e.jellyfinId(), e.year())));
        return years;
    }

    public List<WebRoutes> routes(Pages pages, JobQueue jobs, WatchedFacade watched, JellyfinClient jellyfin) {
        return routes(pages, jobs, watched, jellyfin, userId -> Optional.empty());
    }

    /** With {@code jellyfinNameOf}: a Pathary user's Jellyfin user name, so the leaving-soon page tells what they watched. */
    public List<WebRoutes> routes(Pages pages, JobQueue jobs, WatchedFacade watched, JellyfinClient jellyfin,
            java.util.function.Function<Long, Optional<String>> jellyfinNameOf) {
        List<WebRoutes> routes = new java.util.ArrayList<>(List.of(new CleanupSettingsPages(pages, watched.settings(), jellyfin, instances),
                new ArrSettingsPages(pages, instances, check), new CleanupPages(pages, stores, runs, jobs, zone, () -> yearsOf(watched)),
                new DiskApi(stores, zone)));
        routes.addAll(stores.leaving().routes(pages, jellyfinNameOf));
        return routes;
    }
}
