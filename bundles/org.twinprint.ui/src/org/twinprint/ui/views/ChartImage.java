package org.twinprint.ui.views;

import java.awt.image.BufferedImage;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart drawn as SWT image data: the chart library draws (Java2D, off screen), the view
 * shows the pixels. No AWT window is opened, so AWT and SWT never share an event loop.
 */
final class ChartImage {

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private ChartImage() {
    }

    static ImageData of(JFreeChart chart, int width, int height) {
        BufferedImage image = chart.createBufferedImage(Math.max(width, 10), Math.max(height, 10),
                BufferedImage.TYPE_INT_RGB, null);
        int w = image.getWidth(), h = image.getHeight();
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            image.getRGB(0, y, w, 1, row, 0, w);
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }
}
