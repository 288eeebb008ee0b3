package org.twinprint.ui.views;

import java.awt.Color;
import java.awt.Paint;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.twinprint.implant.core.FitMap;
import org.twinprint.meshing.core.DistanceColours;

/** A fit map's histogram, each bar in the colour the 3D view gives those vertices: it is the legend too. */
final class FitHistogram {

    private FitHistogram() {
    }

    static JFreeChart of(FitMap map) {
        XYSeries series = new XYSeries("vertices");
        for (int b = 0; b < FitMap.BINS; b++) {
            series.add(map.binCentreMm(b), map.histogram()[b]);
        }
        XYSeriesCollection data = new XYSeriesCollection(series);
        data.setIntervalWidth(2 * map.rangeMm() / FitMap.BINS); // one bar per bin, side by side
        XYBarRenderer bars = new XYBarRenderer(0.05) {
            private static final long serialVersionUID = 1L;

            @Override
            public Paint getItemPaint(int row, int column) {
                return new Color(DistanceColours.colour(map.binCentreMm(column), map.rangeMm()));
            }
        };
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setDrawBarOutline(true);
        bars.setDefaultOutlinePaint(Color.GRAY);
        NumberAxis x = new NumberAxis("signed distance (mm): penetration < 0 < gap");
        NumberAxis y = new NumberAxis("vertices");
        XYPlot plot = new XYPlot(data, x, y, bars);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(null, JFreeChart.DEFAULT_TITLE_FONT, plot, false);
        chart.addSubtitle(new TextTitle(map.legend()));
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }
}
