package app.pathary.watched;

import app.pathary.job.JobContext;
import app.pathary.job.JobHandler;
import app.pathary.job.JobSpec;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** The durable job that sweeps Jellyfin, plans and stores the watched report (on demand and every 6 hours). */
public final class WatchedReportJob implements JobHandler<JobSpec.WatchedReport> {
    public static final String TYPE = JobSpec.WatchedReport.TYPE;
    private final WatchedSettingsStore settings;
    private final WatchedSweep sweep;
    private final WatchedReportRepository reports;
    private final Clock clock;
    private final ZoneId zone;

    public WatchedReportJob(WatchedSettingsStore settings, WatchedSweep sweep, WatchedReportRepository reports, Clock clock, ZoneId zone) {
        this.settings = settings;
        this.sweep = sweep;
        this.reports = reports;
        this.clock = clock;
        this.zone = zone;
    }

    /** Sweeps and plans with the stored settings (adjusted by {@code adjust}), for {@code today}. */
    public WatchedReport compute(java.util.function.UnaryOperator<WatchedSettings> adjust, LocalDate today) {
        WatchedSweep.Result result = sweep.sweep(adjust.apply(settings.load()), zone);
        return WatchedVerdicts.plan(result.snapshot(), result.policy(), today, clock.instant());
    }

    /**
     * Jellyfin as it is now, for re-checking plan entries right before they are applied: reads the users and the
     * settings once, then each call reads only the items asked for and judges them for {@code today}.
     */
    public WatchedNow now(LocalDate today) {
        WatchedSweep.Live live = sweep.live(settings.load(), zone);
        return ids -> WatchedVerdicts.plan(sweep.slice(live, ids), live.policy(), today, clock.instant());
    }

    @Override
    public String run(JobSpec.WatchedReport spec, JobContext context) {
        WatchedReport report = compute(s -> s, LocalDate.now(clock.withZone(zone)));
        reports.save(report);
        var totals = report.totals();
        return totals.get(Verdict.ELIGIBLE) + " eligible, " + totals.get(Verdict.WAITING) + " waiting, " + totals.get(Verdict.KEPT)
                + " kept, " + totals.get(Verdict.DOUBTFUL) + " doubtful.";
    }

    public boolean configured() {
        return settings.load().jellyfinConfigured();
    }
}
