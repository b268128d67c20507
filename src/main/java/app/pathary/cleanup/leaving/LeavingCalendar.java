package app.pathary.cleanup.leaving;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Pure: the schedule as a calendar, one day per date something leaves, with its items and the bytes they free. */
public final class LeavingCalendar {
    private LeavingCalendar() {
    }

    /** One day of the calendar; {@code share} is its bytes relative to the fullest day (0–100), for the bar. */
    public record Day(LocalDate date, long daysLeft, List<LeavingItem> items, long bytes, int share) {
    }

    public static List<Day> of(List<LeavingItem> leaving, LocalDate today) {
        Map<LocalDate, List<LeavingItem>> byDate = new TreeMap<>();
        for (LeavingItem item : leaving) {
            LocalDate date = item.leavesOn().isBefore(today) ? today : item.leavesOn();
            byDate.computeIfAbsent(date, d -> new ArrayList<>()).add(item);
        }
        long most = byDate.values().stream().mapToLong(LeavingCalendar::bytes).max().orElse(0);
        List<Day> days = new ArrayList<>();
        byDate.forEach((date, items) -> {
            long bytes = bytes(items);
            int share = most == 0 ? 0 : (int) Math.max(bytes > 0 ? 1 : 0, Math.round(100.0 * bytes / most));
            days.add(new Day(date, java.time.temporal.ChronoUnit.DAYS.between(today, date), List.copyOf(items), bytes, share));
        });
        return days;
    }

    private static long bytes(List<LeavingItem> items) {
        return items.stream().mapToLong(LeavingItem::bytes).sum();
    }

    /** "1.4 GB", "350 MB": bytes as people read them. */
    public static String size(long bytes) {
        if (bytes >= 1_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.1f GB", bytes / 1e9);
        }
        return String.format(java.util.Locale.ROOT, "%d MB", Math.round(bytes / 1e6));
    }
}
