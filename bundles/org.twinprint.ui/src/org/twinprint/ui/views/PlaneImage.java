package org.twinprint.ui.views;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.model.SlicePlane;
import org.twinprint.core.model.Volume;
import org.twinprint.ui.TwinPrintSession;

/** Turns one slice of a plane into RGB pixels: grey values by window/level, segments blended in colour. */
final class PlaneImage {

    private static final int OVERLAY_ALPHA = 110; // of 255

    private PlaneImage() {
    }

    static ImageData render(Volume volume, LabelMap labels, SlicePlane plane, int slice, int width, int level) {
        Geometry geometry = volume.geometry();
        int w = plane.width(geometry);
        int h = plane.height(geometry);
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xff0000, 0x00ff00, 0x0000ff));
        short[] v = volume.voxels();
        byte[] l = labels == null ? null : labels.labels();
        int[] colors = new int[256];
        if (labels != null) {
            for (Segment s : labels.segments()) {
                colors[s.label()] = TwinPrintSession.get().isHidden(s.label()) ? -1 : s.rgb();
            }
        }
        double low = level - width / 2.0;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = plane.index(geometry, x, y, slice);
                int g = (int) Math.round((v[n] - low) * 255.0 / width);
                g = Math.max(0, Math.min(255, g));
                int rgb = (g << 16) | (g << 8) | g;
                int label = l == null ? 0 : l[n] & 0xff;
                if (label != 0 && colors[label] >= 0) {
                    rgb = blend(rgb, colors[label]);
                }
                row[x] = rgb;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    private static int blend(int grey, int color) {
        int r = mix((grey >> 16) & 0xff, (color >> 16) & 0xff);
        int g = mix((grey >> 8) & 0xff, (color >> 8) & 0xff);
        int b = mix(grey & 0xff, color & 0xff);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b) {
        return (a * (255 - OVERLAY_ALPHA) + b * OVERLAY_ALPHA) / 255;
    }
}
