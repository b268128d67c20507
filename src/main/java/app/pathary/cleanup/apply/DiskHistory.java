package app.pathary.cleanup.apply;

import app.pathary.cleanup.plan.DiskState;
import app.pathary.config.DiskLimit;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the cleanup page draws per disk, worked out on the server: the used/free bar with the threshold and target
 * marked, the line of free space over the stored samples with the bytes each run reclaimed, and the forecast of when
 * the threshold is crossed at the current fill rate (least squares over the last {@link #FORECAST_DAYS} days).
 */
public final class DiskHistory {
    static final int FORECAST_DAYS = 30;
    /** The chart's drawing area in SVG units; the SVG scales to its box (phones included). */
    public static final int WIDTH = 600;
    public static final int HEIGHT = 180;
    private static final int LEFT = 8;
    private static final int BOTTOM = 160;
    private static final int TOP = 12;

    private DiskHistory() {
    }

    /** One disk as drawn. {@code points}: the SVG polyline of free space; {@code runs}: a bar per run that reclaimed bytes. */
    public record DiskView(DiskState disk, Integer usedPercent, Integer thresholdAt, Integer targetAt, String points, List<RunBar> runs,
            Integer thresholdY, String fromLabel, String toLabel, String topLabel, Forecast forecast, int samples) {
    }

    /** A run's reclaimed bytes as a bar at its time ({@code x}, {@code y}, {@code height} in SVG units). */
    public record RunBar(int x, int y, int height, String title) {
    }

    /**
     * @param slopePerDay bytes of free space gained per day (negative: filling up); null with fewer than two samples
     * @param crossesOn   the day the threshold is crossed at this rate; null when not filling up or no threshold
     */
    public record Forecast(Double slopePerDay, LocalDate crossesOn, String sentence) {
    }

    public static List<DiskView> of(List<DiskState> disks, List<DiskSamples.Sample> samples, Instant now, ZoneId zone) {
        List<DiskView> views = new ArrayList<>();
        for (DiskState disk : disks) {
            List<DiskSamples.Sample> mine = samples.stream().filter(s -> s.disk().equals(disk.name())).toList();
            views.add(view(disk, mine, now, zone));
        }
        return views;
    }

    private static DiskView view(DiskState disk, List<DiskSamples.Sample> samples, Instant now, ZoneId zone) {
        Integer used = disk.usedPercent();
        Integer thresholdAt = share(disk.thresholdFree(), disk.totalBytes());
        Integer targetAt = share(disk.targetFree(), disk.totalBytes());
        List<DiskSamples.Sample> known = samples.stream().filter(s -> s.freeBytes() != null).toList();
        Instant from = samples.isEmpty() ? now : samples.getFirst().at();
        double span = Math.max(1, Duration.between(from, now).toMillis());
        long top = Math.max(1, known.stream().mapToLong(DiskSamples.Sample::freeBytes).max().orElse(0));
        if (disk.thresholdFree() != null) {
            top = Math.max(top, disk.targetFree() == null ? disk.thresholdFree() : Math.max(disk.thresholdFree(), disk.targetFree()));
        }
        long ceiling = top + top / 10;
        StringBuilder points = new StringBuilder();
        for (DiskSamples.Sample sample : known) {
            points.append(x(sample.at(), from, span)).append(',').append(y(sample.freeBytes(), ceiling)).append(' ');
        }
        long most = Math.max(1, samples.stream().mapToLong(DiskSamples.Sample::reclaimedBytes).max().orElse(0));
        List<RunBar> runs = samples.stream().filter(s -> s.reclaimedBytes() > 0).map(s -> {
            int height = (int) Math.max(2, Math.round((BOTTOM - TOP) * 0.4 * s.reclaimedBytes() / most));
            return new RunBar(x(s.at(), from, span) - 3, BOTTOM - height, height, DiskLimit.Bytes.text(s.reclaimedBytes()) + " reclaimed on "
                    + LocalDate.ofInstant(s.at(), zone));
        }).toList();
        Integer thresholdY = disk.thresholdFree() == null ? null : y(disk.thresholdFree(), ceiling);
        return new DiskView(disk, used, thresholdAt, targetAt, points.toString().strip(), runs, thresholdY,
                LocalDate.ofInstant(from, zone).toString(), LocalDate.ofInstant(now, zone).toString(), DiskLimit.Bytes.text(ceiling),
                forecast(disk, known, now, zone), samples.size());
    }

    /** Least squares over the samples of the last 30 days: free space against time, and where that line meets the threshold. */
    static Forecast forecast(DiskState disk, List<DiskSamples.Sample> known, Instant now, ZoneId zone) {
        Instant since = now.minus(Duration.ofDays(FORECAST_DAYS));
        List<DiskSamples.Sample> recent = known.stream().filter(s -> !s.at().isBefore(since)).toList();
        if (recent.size() < 2 || recent.getFirst().at().equals(recent.getLast().at())) {
            return new Forecast(null, null, "not enough samples in the last " + FORECAST_DAYS + " days for a forecast (one is stored at every plan and run)");
        }
        double n = recent.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (DiskSamples.Sample s : recent) {
            double x = Duration.between(since, s.at()).toMillis() / 86_400_000.0;
            double y = s.freeBytes();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        if (denominator == 0) {
            return new Forecast(null, null, "not enough spread in the samples for a forecast");
        }
        double slope = (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        String rate = DiskLimit.Bytes.text(Math.round(Math.abs(slope))) + " a day";
        if (slope >= 0) {
            return new Forecast(slope, null, "not filling up (free space " + (slope == 0 ? "held" : "grew by " + rate) + " over the last "
                    + FORECAST_DAYS + " days)");
        }
        if (disk.thresholdFree() == null) {
            return new Forecast(slope, null, "filling up by " + rate + "; no threshold is set for this disk");
        }
        double crossDay = (disk.thresholdFree() - intercept) / slope;
        double today = Duration.between(since, now).toMillis() / 86_400_000.0;
        if (crossDay <= today) {
            return new Forecast(slope, LocalDate.ofInstant(now, zone), "filling up by " + rate + "; at or past the threshold now");
        }
        LocalDate on = LocalDate.ofInstant(since.plusMillis(Math.round(crossDay * 86_400_000.0)), zone);
        return new Forecast(slope, on, "filling up by " + rate + "; at this rate the threshold (" + disk.threshold() + ") is crossed around " + on);
    }

    private static Integer share(Long free, Long total) {
        return free == null || total == null || total <= 0 ? null : (int) Math.round(100.0 * (total - free) / total);
    }

    private static int x(Instant at, Instant from, double span) {
        return LEFT + (int) Math.round((WIDTH - 2 * LEFT) * Duration.between(from, at).toMillis() / span);
    }

    private static int y(long bytes, long ceiling) {
        return BOTTOM - (int) Math.round((BOTTOM - TOP) * (double) bytes / ceiling);
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f", value);
    }
}
