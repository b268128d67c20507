package app.pathary.dashboard;

import app.pathary.common.InvalidInputException;
import app.pathary.web.Caller;
import app.pathary.web.Pages;
import app.pathary.web.Role;
import app.pathary.web.WebRoutes;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/** {@code /}: the dashboard; {@code /year/{year}}: a year in review. Both show the caller's own history only. */
public final class DashboardPages implements WebRoutes {
    private static final int MONTHS = 24;
    private static final DateTimeFormatter MONTH_YEAR = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.ENGLISH);
    private final Pages pages;
    private final DashboardQueries queries;
    private final Supplier<LocalDate> today;
    private final DashboardFacade.CleanupSummary cleanup;

    DashboardPages(Pages pages, DashboardQueries queries, Supplier<LocalDate> today, DashboardFacade.CleanupSummary cleanup) {
        this.pages = pages;
        this.queries = queries;
        this.today = today;
        this.cleanup = cleanup;
    }

    /** Everything the dashboard shows. */
    public record Dashboard(LocalDate today, DashboardQueries.Totals week, DashboardQueries.Totals month, DashboardQueries.Totals year,
            DashboardQueries.Totals allTime, BarChart chart, List<MonthRow> months, List<DashboardQueries.FilmCount> mostWatched,
            List<DashboardQueries.FilmCount> mostRewatched, List<DashboardQueries.Watch> latest, DashboardFacade.CleanupGlance cleanup) {
    }

    /** A year in review. */
    public record Review(int year, boolean current, boolean earlier, DashboardQueries.Totals totals, long newFilms, BarChart chart, List<MonthRow> months,
            List<DashboardQueries.FilmCount> top, List<DashboardQueries.FilmCount> rewatched, MonthRow busiest) {
    }

    /** One month of a chart's table. */
    public record MonthRow(String name, long plays) {
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/", this::dashboard, Role.USER);
        routes.get("/year/{year}", this::review, Role.USER);
    }

    private void dashboard(Context ctx) {
        Caller caller = Caller.require(ctx);
        LocalDate day = today.get();
        LocalDate tomorrow = day.plusDays(1);
        LocalDate monthStart = day.withDayOfMonth(1);
        LocalDate yearStart = day.withDayOfYear(1);
        YearMonth last = YearMonth.from(day);
        Map<YearMonth, Long> perMonth = queries.playsPerMonth(caller.id(), last.minusMonths(MONTHS - 1), last);
        var dashboard = new Dashboard(day,
                queries.totals(caller.id(), day.with(DayOfWeek.MONDAY), tomorrow),
                queries.totals(caller.id(), monthStart, tomorrow),
                queries.totals(caller.id(), yearStart, tomorrow),
                queries.totals(caller.id(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1)),
                chart(perMonth, 4), rows(perMonth),
                queries.mostPlayed(caller.id(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1), 6),
                queries.mostRewatched(caller.id(), LocalDate.of(1, 1, 1), LocalDate.of(9999, 1, 1), 6),
                queries.latest(caller.id(), 12),
                caller.isAdmin() ? cleanup.since(monthStart) : null);
        pages.render(ctx, "dashboard/dashboard.jte", "Dashboard", Map.of("d", dashboard));
    }

    private void review(Context ctx) {
        Caller caller = Caller.require(ctx);
        String text = ctx.pathParam("year");
        if (!text.matches("\\d{4}")) {
            throw new InvalidInputException("The year must have four digits.");
        }
        int year = Integer.parseInt(text);
        LocalDate from = LocalDate.of(year, 1, 1);
        LocalDate until = from.plusYears(1);
        Map<YearMonth, Long> perMonth = queries.playsPerMonth(caller.id(), YearMonth.of(year, 1), YearMonth.of(year, 12));
        List<MonthRow> months = rows(perMonth);
        MonthRow busiest = months.stream().filter(m -> m.plays() > 0).max(java.util.Comparator.comparingLong(MonthRow::plays)).orElse(null);
        var review = new Review(year, year >= today.get().getYear(), queries.totals(caller.id(), LocalDate.of(1, 1, 1), from).plays() > 0,
                queries.totals(caller.id(), from, until),
                queries.newFilms(caller.id(), from, until), chart(perMonth, 1), months,
                queries.mostPlayed(caller.id(), from, until, 24), queries.mostRewatched(caller.id(), from, until, 6), busiest);
        pages.render(ctx, "dashboard/year.jte", year + " in review", Map.of("r", review));
    }

    /** Bars labelled by month (and the year under January); the table and tooltips name month and year in full. */
    private static BarChart chart(Map<YearMonth, Long> perMonth, int labelEvery) {
        Map<String, Long> values = new LinkedHashMap<>();
        perMonth.forEach((month, plays) -> values.put(month.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH)
                + (month.getMonthValue() == 1 || labelEvery > 1 ? " " + String.valueOf(month.getYear()).substring(2) : ""), plays));
        return BarChart.of(values, perMonth.keySet().stream().map(MONTH_YEAR::format).toList(), labelEvery);
    }

    private static List<MonthRow> rows(Map<YearMonth, Long> perMonth) {
        return perMonth.entrySet().stream().map(e -> new MonthRow(MONTH_YEAR.format(e.getKey()), e.getValue())).toList();
    }
}
