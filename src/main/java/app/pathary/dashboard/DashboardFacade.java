package app.pathary.dashboard;

import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The home page (plays, a chart per month, top films, hours, latest watches, the cleanup's month) and a year in review. */
public final class DashboardFacade {
    /** What the cleanup freed since a day: the files deleted and their bytes (admins see it on the dashboard). */
    public record Reclaimed(long files, long bytes) {
        public String gigabytes() {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
    }

    /** The cleanup's side of the dashboard: what was reclaimed since the first day of this month. */
    @FunctionalInterface
    public interface CleanupSummary {
        Reclaimed reclaimedSince(LocalDate day);
    }

    private final DashboardPages pages;

    private DashboardFacade(DashboardPages pages) {
        this.pages = pages;
    }

    public static DashboardFacade wire(Jdbi reads, Pages pages, Supplier<LocalDate> today, CleanupSummary cleanup) {
        return new DashboardFacade(new DashboardPages(pages, new DashboardQueries(reads), today, cleanup));
    }

    public List<WebRoutes> routes() {
        return List.of(pages);
    }
}
