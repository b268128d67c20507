package app.pathary.cli;

import app.pathary.App;
import app.pathary.common.InvalidInputException;
import app.pathary.watched.ReportEntry;
import app.pathary.watched.Strategy;
import app.pathary.watched.Verdict;
import app.pathary.watched.WatchedReport;
import app.pathary.watched.WatchedReportRepository;
import app.pathary.watched.WatchedSettings;
import app.pathary.history.WatchDateWindow;
import java.time.LocalDate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code watched:report}: reads Jellyfin now and prints every movie, season and special with its verdict and why. */
@Command(name = "watched:report", description = "Reads Jellyfin and prints what is watched, per movie and season, with the reasons.")
final class WatchedCommands extends AppCommand {
    @Option(names = "--json", description = "print the report as JSON")
    boolean json;
    @Option(names = "--strategy", paramLabel = "S", description = "primary, any or all (instead of the setting)")
    String strategy;
    @Option(names = "--grace-days", paramLabel = "N", description = "grace days for movies and episodes (instead of the settings)")
    Integer graceDays;
    @Option(names = "--now", paramLabel = "yyyy-MM-dd", description = "the day to judge for (default: today)")
    String now;

    @Override
    int run(App app) {
        if (graceDays != null && (graceDays < 0 || graceDays > 9999)) {
            throw new InvalidInputException("--grace-days must be from 0 to 9999.");
        }
        Strategy chosen = strategy == null ? null : Strategy.parse(strategy, "--strategy");
        LocalDate today = now == null ? app.today() : WatchDateWindow.parseStrictly(now.strip(), "--now");
        WatchedReport report = app.watched.reports().compute(s -> new WatchedSettings(s.jellyfinUrl(), s.apiKey(),
                chosen == null ? s.strategy() : chosen, s.primaryUser(), s.users(), graceDays == null ? s.graceDaysMovies() : graceDays,
                graceDays == null ? s.graceDaysEpisodes() : graceDays, s.keepFavorites(), s.locked()), today);
        if (json) {
            System.out.println(WatchedReportRepository.toJson(report));
            return 0;
        }
        var totals = report.totals();
        PlainText out = new PlainText().line("Watched report for " + report.today() + ": " + report.policy())
                .line(totals.get(Verdict.ELIGIBLE) + " eligible, " + totals.get(Verdict.WAITING) + " waiting, "
                        + totals.get(Verdict.KEPT) + " kept, " + totals.get(Verdict.DOUBTFUL) + " doubtful");
        for (ReportEntry entry : report.entries()) {
            out.column(entry.verdict().value(), 9).column(entry.kind(), 7).append(entry.name()).append(": ").append(entry.explanation()).endLine();
        }
        out.print();
        return 0;
    }
}
