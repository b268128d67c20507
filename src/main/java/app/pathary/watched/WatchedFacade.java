package app.pathary.watched;

import app.pathary.common.SecretBox;
import app.pathary.config.WatchedOptions;
import app.pathary.jellyfin.client.JellyfinClient;
import app.pathary.job.JobQueue;
import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/** Watched-state detection across Jellyfin users: the settings, the sweep and report job, the fresh re-check, the page. */
public final class WatchedFacade {
    private final WatchedSettingsStore settings;
    private final WatchedReportRepository reports;
    private final WatchedReportJob job;
    private final Clock clock;

    private WatchedFacade(WatchedSettingsStore settings, WatchedReportRepository reports, WatchedReportJob job, Clock clock) {
        this.settings = settings;
        this.reports = reports;
        this.job = job;
        this.clock = clock;
    }

    /** What detection needs: the database, its options (environment) and the key for secrets, the Jellyfin client, the clock, the zone. */
    public record Wiring(Jdbi jdbi, WatchedOptions options, SecretBox secrets, JellyfinClient client, Clock clock, ZoneId zone) {
    }

    public static WatchedFacade wire(Wiring wiring) {
        WatchedSettingsStore settings = new WatchedSettingsStore(wiring.jdbi(), wiring.options(), wiring.secrets());
        WatchedReportRepository reports = new WatchedReportRepository(wiring.jdbi());
        WatchedReportJob job = new WatchedReportJob(settings, new WatchedSweep(wiring.client(), wiring.clock()), reports, wiring.clock(),
                wiring.zone());
        return new WatchedFacade(settings, reports, job, wiring.clock());
    }

    /** Sweeps, judges and stores reports; judges a few items fresh ({@link WatchedReportJob#now}). */
    public WatchedReportJob reports() {
        return job;
    }

    public WatchedReportRepository stored() {
        return reports;
    }

    public WatchedSettingsStore settings() {
        return settings;
    }

    public List<WebRoutes> routes(Pages pages, JobQueue jobs) {
        return routes(pages, jobs, java.util.Map::of);
    }

    /** With {@code sizes}: Jellyfin id → bytes on disk where the latest cleanup plan knows them (shown beside each entry). */
    public List<WebRoutes> routes(Pages pages, JobQueue jobs, java.util.function.Supplier<java.util.Map<String, Long>> sizes) {
        return List.of(new WatchedPages(pages, reports, jobs, clock, sizes));
    }
}
