package app.pathary.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A bar chart drawn on the server as SVG (no script, nothing for the CSP to refuse): the bars' geometry in a fixed
 * view box that the browser scales to the page's width, a few value lines, and labels thinned out so that they stay
 * readable on a phone. The same values are offered as a table beside it.
 */
public record BarChart(List<Bar> bars, List<Line> lines, long max) {
    public static final int WIDTH = 480;
    public static final int HEIGHT = 210;
    static final int LEFT = 30;
    static final int BOTTOM = 22;
    static final int TOP = 8;

    /** One bar: its label (shown when {@code labelled}), its value, and where it is drawn. */
    public record Bar(String label, long value, double x, double y, double width, double height, boolean labelled, String longLabel) {
        public double labelX() {
            return x + width / 2;
        }
    }

    /** A horizontal value line with its figure on the left. */
    public record Line(long value, double y) {
    }

    /**
     * @param values     the bars in order: short label (on the axis) to value
     * @param longLabels the label of each bar in full (tooltips, the table), in the same order
     * @param labelEvery every how many bars the axis shows a label
     */
    public static BarChart of(Map<String, Long> values, List<String> longLabels, int labelEvery) {
        long max = Math.max(1, values.values().stream().mapToLong(Long::longValue).max().orElse(0));
        long step = niceStep(max);
        long top = ((max + step - 1) / step) * step;
        double plotWidth = WIDTH - LEFT - 4;
        double plotHeight = HEIGHT - TOP - BOTTOM;
        double slot = plotWidth / Math.max(1, values.size());
        List<Bar> bars = new ArrayList<>();
        int i = 0;
        for (var entry : values.entrySet()) {
            double height = plotHeight * entry.getValue() / top;
            bars.add(new Bar(entry.getKey(), entry.getValue(), LEFT + i * slot + slot * 0.15, TOP + plotHeight - height, slot * 0.7, height,
                    i % labelEvery == 0, longLabels.get(i)));
            i++;
        }
        List<Line> lines = new ArrayList<>();
        for (long value = 0; value <= top; value += step) {
            lines.add(new Line(value, TOP + plotHeight - plotHeight * value / top));
        }
        return new BarChart(List.copyOf(bars), List.copyOf(lines), max);
    }

    public boolean empty() {
        return bars.stream().allMatch(bar -> bar.value() == 0);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public int axisY() {
        return HEIGHT - 6;
    }

    public int left() {
        return LEFT;
    }

    /** 1, 2 or 5 times a power of ten, so that there are at most four lines. */
    static long niceStep(long max) {
        long step = 1;
        while (true) {
            for (long factor : new long[] {1, 2, 5}) {
                if (max / (step * factor) < 4) {
                    return step * factor;
                }
            }
            step *= 10;
        }
    }

    /** Rounds for an SVG attribute. */
    public static String n(double value) {
        return String.format(java.util.Locale.ROOT, "%.1f", value);
    }
}
