package app.pathary.dashboard;

import app.pathary.web.Pages;
import app.pathary.web.WebRoutes;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/** The home page (plays, a chart per month, top films, hours, latest watches, the cleanup's month) and a year in review. */
public final class DashboardFacade {
    /**
     * The cleanup at a glance (admins see it on the dashboard): the files deleted since a day and their bytes, and what
     * is announced as leaving soon (items, bytes, the next day something leaves; null when nothing is announced).
     */
    public record CleanupGlance(long files, long bytes, int leaving, long leavingBytes, LocalDate nextLeaving) {
        public String gigabytes() {
            return gigabytes(bytes);
        }

        public String leavingGigabytes() {
            return gigabytes(leavingBytes);
        }

        private static String gigabytes(long bytes) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
    }

    /** The cleanup's side of the dashboard: what was reclaimed since {@code day} (the first of this month), what leaves soon. */
    @FunctionalInterface
    public interface CleanupSummary {
        CleanupGlance since(LocalDate day);
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
