package dev.lite2pg.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Geometry of the inline-SVG chart: per table a label line, then a bar for rows written and one for time, each
 * scaled to the largest table. Labels sit above the bars rather than beside them so long names fit a phone.
 *
 * @param height the SVG's viewBox height; its width is always {@link #WIDTH}
 */
record BarChart(int height, List<Bar> bars) {

    /** About a phone's width in CSS pixels, so the chart's text keeps its size there instead of shrinking. */
    static final int WIDTH = 400;
    /** Leaves room right of the longest bar for its value. */
    private static final int MAX_BAR = 280;

    private static final int ROW = 60;
    /** What fits the chart's width at its font size. */
    private static final int LABEL_CHARS = 50;

    /** One table's bars; the y values are the label's baseline and the tops of the rows bar and the time bar. */
    record Bar(
            String label, int labelY, int rowsY, int rowsWidth, String rows, int timeY, int timeWidth, String time) {}

    static BarChart of(List<TableReport> tables) {
        long maxRows = tables.stream().mapToLong(TableReport::rowsWritten).max().orElse(0);
        long maxMillis =
                tables.stream().mapToLong(TableReport::durationMillis).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < tables.size(); i++) {
            TableReport t = tables.get(i);
            int top = i * ROW;
            bars.add(new Bar(
                    label(t.target()),
                    top + 15,
                    top + 21,
                    width(t.rowsWritten(), maxRows),
                    Figures.count(t.rowsWritten()) + (t.rowsWritten() == 1 ? " row" : " rows"),
                    top + 38,
                    width(t.durationMillis(), maxMillis),
                    Figures.duration(t.durationMillis())));
        }
        return new BarChart(ROW * tables.size(), bars);
    }

    /** A non-zero value never vanishes into a zero-width bar next to a much larger table. */
    private static int width(long value, long max) {
        if (value <= 0 || max <= 0) {
            return 0;
        }
        return (int) Math.max(2, Math.round(MAX_BAR * (double) value / max));
    }

    private static String label(String name) {
        if (name.codePointCount(0, name.length()) <= LABEL_CHARS) {
            return name;
        }
        return name.substring(0, name.offsetByCodePoints(0, LABEL_CHARS - 1)) + "…";
    }

    int width() {
        return WIDTH;
    }
}
