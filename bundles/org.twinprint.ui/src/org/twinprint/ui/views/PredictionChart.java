package org.twinprint.ui.views;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.StatisticalBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.statistics.DefaultStatisticalCategoryDataset;
import org.twinprint.prediction.core.LiverFailureRisk;

/**
 * The variants' standardised future liver remnant as bars with their intervals (whiskers: the
 * larger half-width), against the published minimum for the liver's condition (a line).
 */
final class PredictionChart {

    private PredictionChart() {
    }

    static JFreeChart of(List<Map<?, ?>> outcomes, LiverFailureRisk.Condition condition) {
        DefaultStatisticalCategoryDataset data = new DefaultStatisticalCategoryDataset();
        for (Map<?, ?> o : outcomes) {
            Object p = PredictionView.predictions(o).get("standardised future liver remnant");
            if (p != null) {
                double[] v = PredictionView.value(p);
                String name = (Boolean.TRUE.equals(o.get("chosen")) ? "\u2605 " : "") + o.get("variant");
                data.add(v[0], Math.max(v[2] - v[0], v[0] - v[1]), "sFLR", name);
            }
        }
        StatisticalBarRenderer bars = new StatisticalBarRenderer();
        bars.setSeriesPaint(0, new Color(0x3F7FBF));
        bars.setErrorIndicatorPaint(Color.DARK_GRAY);
        bars.setDrawBarOutline(false);
        NumberAxis percent = new NumberAxis("standardised future liver remnant (%)");
        percent.setLowerBound(0);
        CategoryPlot plot = new CategoryPlot(data, new CategoryAxis("plan variant"), percent, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ValueMarker minimum = new ValueMarker(condition.minimumPercent(), new Color(0xC0392B), new BasicStroke(2f));
        minimum.setLabel(String.format(Locale.ROOT, "minimum %.0f %% (%s liver)", condition.minimumPercent(),
                condition.name().toLowerCase(Locale.ROOT).replace('_', ' ')));
        minimum.setLabelPaint(new Color(0xC0392B));
        minimum.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        minimum.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(minimum);
        percent.setUpperBound(Math.max(condition.minimumPercent() * 1.5, data.getRangeUpperBound(true) * 1.15));
        JFreeChart chart = new JFreeChart("Future liver remnant by variant", JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.setBackgroundPaint(Color.WHITE);
        chart.addSubtitle(new TextTitle("bars: estimate; whiskers: interval; research estimate, not clinically"
                + " validated; threshold: Clavien et al., N Engl J Med 2007"));
        return chart;
    }
}
