package dev.supportassistant.desk.console;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * One figure of the usage page as a horizontal bar chart drawn on the server (SVG, no script):
 * a bar per provider, scaled to the largest, each labelled with its value, so the chart reads
 * without colour or a mouse; the page also lists the numbers in a table.
 *
 * @param caption what the chart shows ("Replies", "Screen-share rate")
 */
record UsageChart(String caption, List<Bar> bars) {

    static final int ROW_HEIGHT = 28;
    static final int BAR_AREA = 220;

    /** @param y the bar's row offset; @param width its length in the SVG's units */
    record Bar(String label, String value, int y, int width) {
    }

    static <T> UsageChart of(String caption, List<T> rows, Function<T, String> label, ToDoubleFunction<T> value,
            Function<Double, String> format) {
        double max = rows.stream().mapToDouble(value).max().orElse(0);
        List<Bar> bars = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            double v = value.applyAsDouble(rows.get(i));
            int width = max <= 0 ? 0 : (int) Math.round(v / max * BAR_AREA);
            bars.add(new Bar(label.apply(rows.get(i)), format.apply(v), i * ROW_HEIGHT, v > 0 ? Math.max(2, width) : 0));
        }
        return new UsageChart(caption, bars);
    }

    /** The SVG's height for all rows. Public, as everything the page's template calls. */
    public int height() {
        return Math.max(ROW_HEIGHT, bars.size() * ROW_HEIGHT);
    }

    /** What a screen reader says for the chart: every bar's label and value. */
    public String description() {
        return caption + ": " + String.join(", ", bars.stream().map(bar -> bar.label() + " " + bar.value()).toList());
    }
}
