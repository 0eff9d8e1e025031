package io.herald.web.component;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A response-time chart drawn on the server as SVG geometry (no chart library, no script): p50 and p95 as
 * polylines over the window, with horizontal grid lines at round milliseconds. Pure function of its inputs.
 */
public final class LatencyChart {
    static final int WIDTH = 720;
    static final int HEIGHT = 240;
    static final int LEFT = 56;
    static final int RIGHT = 12;
    static final int TOP = 12;
    static final int BOTTOM = 28;

    private LatencyChart() {
    }

    public record Sample(Instant at, double p50, double p95) {
    }

    /** @param anchor SVG text-anchor: the first and last time labels stay inside the chart */
    public record Tick(double x, double y, String label, String anchor) {
    }

    /**
     * @param p50     SVG polyline points, "x,y x,y ..."
     * @param summary the chart in one sentence, for screen readers and as its caption
     */
    public record Chart(int width, int height, String p50, String p95, List<Tick> yTicks, List<Tick> xTicks,
            double plotLeft, double plotRight, double plotTop, double plotBottom, String summary) {
    }

    /** The chart of these samples between from and to, or null when there is nothing to draw. */
    public static Chart of(List<Sample> samples, Instant from, Instant to, ZoneId zone, Locale locale) {
        if (samples.isEmpty() || !to.isAfter(from)) {
            return null;
        }
        double max = 0;
        double p50Sum = 0;
        double p95Max = 0;
        for (Sample s : samples) {
            max = Math.max(max, Math.max(s.p50(), s.p95()));
            p50Sum += s.p50();
            p95Max = Math.max(p95Max, s.p95());
        }
        double top = niceCeiling(max);
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double span = Duration.between(from, to).toMillis();
        StringBuilder p50 = new StringBuilder();
        StringBuilder p95 = new StringBuilder();
        for (Sample s : samples) {
            double x = LEFT + plotW * Duration.between(from, s.at()).toMillis() / span;
            x = Math.max(LEFT, Math.min(LEFT + plotW, x));
            append(p50, x, TOP + plotH * (1 - s.p50() / top));
            append(p95, x, TOP + plotH * (1 - s.p95() / top));
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            double value = top * i / 4;
            yTicks.add(new Tick(LEFT - 6, round(TOP + plotH * (1 - i / 4.0)), milliseconds(value), "end"));
        }
        DateTimeFormatter format = span <= Duration.ofDays(2).toMillis()
                ? DateTimeFormatter.ofPattern("HH:mm", locale) : DateTimeFormatter.ofPattern("d MMM", locale);
        List<Tick> xTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            Instant at = from.plusMillis((long) (span * i / 4));
            xTicks.add(new Tick(round(LEFT + plotW * i / 4), HEIGHT - 8, format.format(at.atZone(zone)),
                    i == 0 ? "start" : i == 4 ? "end" : "middle"));
        }
        String summary = String.format(Locale.ENGLISH, "%d samples; median p50 %s, highest p95 %s",
                samples.size(), milliseconds(median(samples)), milliseconds(p95Max));
        return new Chart(WIDTH, HEIGHT, p50.toString().strip(), p95.toString().strip(), yTicks, xTicks,
                LEFT, LEFT + plotW, TOP, TOP + plotH, summary);
    }

    /** 1, 2, 2.5 or 5 times a power of ten, at least the value (and at least 10 ms). */
    static double niceCeiling(double value) {
        if (value <= 10) {
            return 10;
        }
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[] {1, 2, 2.5, 5, 10}) {
            if (step * power >= value) {
                return step * power;
            }
        }
        return 10 * power;
    }

    static String milliseconds(double ms) {
        if (ms >= 1000) {
            double seconds = ms / 1000;
            return (seconds == Math.rint(seconds) ? String.valueOf((long) seconds)
                    : String.format(Locale.ENGLISH, "%.1f", seconds)) + " s";
        }
        return Math.round(ms) + " ms";
    }

    private static double median(List<Sample> samples) {
        double[] values = samples.stream().mapToDouble(Sample::p50).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    private static void append(StringBuilder points, double x, double y) {
        points.append(round(x)).append(',').append(round(y)).append(' ');
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
