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

    private PlaneImage() {
    }

    static ImageData render(Volume volume, LabelMap labels, SlicePlane plane, int slice, int width, int level) {
        Geometry geometry = volume.geometry();
        int w = plane.width(geometry);
        int h = plane.height(geometry);
        ImageData data = new ImageData(w, h, 24, new PaletteData(0xff0000, 0x00ff00, 0x0000ff));
        short[] v = volume.voxels();
        // per layer, the colour of each label (-1: hidden); later layers are drawn over earlier ones
        int layers = labels == null ? 0 : labels.layerCount();
        int[][] colors = new int[layers][256];
        int[][] alphas = new int[layers][256];
        if (labels != null) {
            for (Segment s : labels.segments()) {
                colors[s.layer()][s.label()] = TwinPrintSession.get().isHidden(s.key()) ? -1 : s.rgb();
                alphas[s.layer()][s.label()] = TwinPrintSession.get().opacityPercent(s.key()) * 255 / 100;
            }
        }
        boolean outlines = TwinPrintSession.get().outlines();
        double low = level - width / 2.0;
        int[] row = new int[w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int n = plane.index(geometry, x, y, slice);
                int g = (int) Math.round((v[n] - low) * 255.0 / width);
                g = Math.max(0, Math.min(255, g));
                int rgb = (g << 16) | (g << 8) | g;
                for (int layer = 0; layer < layers; layer++) {
                    int label = labels.layer(layer)[n] & 0xff;
                    if (label != 0 && colors[layer][label] >= 0) {
                        if (!outlines) {
                            rgb = blend(rgb, colors[layer][label], alphas[layer][label]);
                        } else if (edge(labels.layer(layer), plane, geometry, x, y, slice, w, h)) {
                            rgb = colors[layer][label]; // an outline drawn solid, to be seen at one pixel
                        }
                    }
                }
                row[x] = rgb;
            }
            data.setPixels(0, y, w, row, 0);
        }
        return data;
    }

    /** Whether pixel (x, y) lies on its segment's edge: a side neighbour in the slice holds another label. */
    private static boolean edge(byte[] layer, SlicePlane plane, Geometry g, int x, int y, int slice, int w, int h) {
        byte here = layer[plane.index(g, x, y, slice)];
        return x == 0 || y == 0 || x == w - 1 || y == h - 1 || layer[plane.index(g, x - 1, y, slice)] != here
                || layer[plane.index(g, x + 1, y, slice)] != here || layer[plane.index(g, x, y - 1, slice)] != here
                || layer[plane.index(g, x, y + 1, slice)] != here;
    }

    private static int blend(int under, int color, int alpha) {
        int r = mix((under >> 16) & 0xff, (color >> 16) & 0xff, alpha);
        int g = mix((under >> 8) & 0xff, (color >> 8) & 0xff, alpha);
        int b = mix(under & 0xff, color & 0xff, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int mix(int a, int b, int alpha) {
        return (a * (255 - alpha) + b * alpha) / 255;
    }
}
