package org.twinprint.ui.views;

import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.TwinPrintSession.Brush;
import org.twinprint.ui.jobs.CaseJob;

/**
 * An axial slice of the open case with its segments: the wheel scrolls slices, the preset sets
 * window/level, and the status line shows the value and LPS position under the cursor.
 */
public final class SliceView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.slices";

    private Canvas canvas;
    private Label status;
    private Combo presets;
    private Image image;
    private int slice = -1;
    private Rectangle drawn;
    private java.util.List<Vec3> stroke;
    private org.eclipse.swt.graphics.Point cursor;
    private final Consumer<Case> listener = c -> {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.getDisplay().asyncExec(this::rebuild);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        presets = new Combo(parent, SWT.READ_ONLY);
        for (WindowPreset p : WindowPreset.values()) {
            presets.add(p.label + " (W " + p.width + " / L " + p.level + ")");
        }
        presets.select(0);
        presets.addListener(SWT.Selection, e -> rebuild());
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, e -> scroll(e.count > 0 ? 1 : -1));
        canvas.addListener(SWT.MouseMove, e -> {
            showValueAt(e.x, e.y);
            if (stroke != null) {
                addStrokePoint(e.x, e.y);
            }
            cursor = new org.eclipse.swt.graphics.Point(e.x, e.y);
            if (TwinPrintSession.get().brush().mode() != Brush.Mode.OFF) {
                canvas.redraw();
            }
        });
        canvas.addListener(SWT.MouseDown, e -> {
            if (e.button == 1 && TwinPrintSession.get().brush().mode() != Brush.Mode.OFF && volume() != null) {
                stroke = new java.util.ArrayList<>();
                addStrokePoint(e.x, e.y);
            }
        });
        canvas.addListener(SWT.MouseUp, e -> finishStroke());
        TwinPrintSession.get().addListener(listener);
        rebuild();
    }

    private Volume volume() {
        Case c = TwinPrintSession.get().currentCase();
        return c == null || c.series().isEmpty() ? null : c.series().get(0).volume();
    }

    private void scroll(int delta) {
        Volume v = volume();
        if (v != null) {
            slice = Math.max(0, Math.min(v.geometry().nz() - 1, slice + delta));
            rebuild();
        }
    }

    /** Shows slice k (0 = first, most inferior for axial CT); for the UI and tests. */
    public void showSlice(int k) {
        slice = k;
        rebuild();
    }

    public int slice() {
        return slice;
    }

    private void rebuild() {
        if (canvas.isDisposed()) {
            return;
        }
        Volume v = volume();
        if (image != null) {
            image.dispose();
            image = null;
        }
        if (v == null) {
            slice = -1;
            status.setText("No case open");
        } else {
            Geometry g = v.geometry();
            if (slice < 0 || slice >= g.nz()) {
                slice = g.nz() / 2;
            }
            WindowPreset p = WindowPreset.values()[Math.max(0, presets.getSelectionIndex())];
            image = new Image(canvas.getDisplay(),
                    AxialSliceImage.render(v, TwinPrintSession.get().currentCase().labelMap(), slice, p.width, p.level));
            status.setText(String.format(Locale.ROOT, "Axial slice %d / %d   z = %.2f mm", slice + 1, g.nz(),
                    g.toLps(0, 0, slice).z()));
        }
        status.getParent().layout();
        canvas.redraw();
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        gc.fillRectangle(area);
        Volume v = volume();
        if (image == null || v == null) {
            drawn = null;
            return;
        }
        Geometry g = v.geometry();
        // keep millimetre proportions: pixels may not be square
        double widthMm = g.nx() * g.spacing().x();
        double heightMm = g.ny() * g.spacing().y();
        double scale = Math.min(area.width / widthMm, area.height / heightMm);
        int w = (int) (widthMm * scale);
        int h = (int) (heightMm * scale);
        drawn = new Rectangle((area.width - w) / 2, (area.height - h) / 2, w, h);
        Rectangle src = image.getBounds();
        gc.drawImage(image, 0, 0, src.width, src.height, drawn.x, drawn.y, drawn.width, drawn.height);
        Brush brush = TwinPrintSession.get().brush();
        if (brush.mode() != Brush.Mode.OFF && cursor != null && drawn.contains(cursor.x, cursor.y)) {
            int r = (int) Math.round(brush.radiusMm() * drawn.width / widthMm);
            gc.setForeground(canvas.getDisplay().getSystemColor(brush.mode() == Brush.Mode.PAINT ? SWT.COLOR_GREEN
                    : SWT.COLOR_RED));
            gc.drawOval(cursor.x - r, cursor.y - r, 2 * r, 2 * r);
        }
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        gc.drawText("R", drawn.x + 4, drawn.y + drawn.height / 2, true);
        gc.drawText("L", drawn.x + drawn.width - 12, drawn.y + drawn.height / 2, true);
        gc.drawText("A", drawn.x + drawn.width / 2, drawn.y + 4, true);
        gc.drawText("P", drawn.x + drawn.width / 2, drawn.y + drawn.height - 18, true);
    }

    private void showValueAt(int x, int y) {
        Volume v = volume();
        if (v == null || drawn == null || !drawn.contains(x, y)) {
            return;
        }
        Geometry g = v.geometry();
        int i = (int) ((x - drawn.x) * (double) g.nx() / drawn.width);
        int j = (int) ((y - drawn.y) * (double) g.ny() / drawn.height);
        i = Math.min(g.nx() - 1, i);
        j = Math.min(g.ny() - 1, j);
        Vec3 p = g.toLps(i, j, slice);
        status.setText(String.format(Locale.ROOT, "Axial slice %d / %d   (%d, %d)   %d %s   LPS (%.1f, %.1f, %.1f) mm",
                slice + 1, g.nz(), i, j, v.get(i, j, slice), v.unit(), p.x(), p.y(), p.z()));
        status.getParent().layout();
    }

    /** The LPS position of a canvas point on the shown slice, or null outside the image. */
    private Vec3 lpsAt(int x, int y) {
        Volume v = volume();
        if (v == null || drawn == null || !drawn.contains(x, y)) {
            return null;
        }
        Geometry g = v.geometry();
        double i = (x - drawn.x) * (double) g.nx() / drawn.width - 0.5;
        double j = (y - drawn.y) * (double) g.ny() / drawn.height - 0.5;
        return g.toLps(i, j, slice);
    }

    private void addStrokePoint(int x, int y) {
        Vec3 p = lpsAt(x, y);
        if (p != null) {
            stroke.add(p);
        }
    }

    /** Paints (or erases) the stroke as one undoable edit, run as a Job. */
    private void finishStroke() {
        java.util.List<Vec3> points = stroke;
        stroke = null;
        if (points == null || points.isEmpty()) {
            return;
        }
        paint(points);
    }

    /** Applies the current brush along LPS points on the open case; for the mouse and for tests. */
    public org.eclipse.core.runtime.jobs.Job paint(java.util.List<Vec3> points) {
        Case c = TwinPrintSession.get().currentCase();
        Brush brush = TwinPrintSession.get().brush();
        String segment = TwinPrintSession.get().activeSegment();
        if (c == null || brush.mode() == Brush.Mode.OFF) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (Vec3 p : points) {
            text.append(String.format(Locale.ROOT, "%.3f,%.3f,%.3f;", p.x(), p.y(), p.z()));
        }
        java.util.Map<String, String> parameters = java.util.Map.of("segment", segment == null ? "Painted" : segment,
                "points", text.toString(), "radius", Double.toString(brush.radiusMm()), "shape",
                brush.sphere() ? "sphere" : "disc", "erase", Boolean.toString(brush.mode() == Brush.Mode.ERASE));
        CaseOperations operations = TwinPrintSession.get().operations();
        SegmentationTool tool = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "segment.brush");
        CaseJob job = new CaseJob(brush.mode() == Brush.Mode.PAINT ? "Paint" : "Erase",
                progress -> operations.segment(c, tool, parameters, progress));
        job.schedule();
        return job;
    }

    @Override
    public void setFocus() {
        canvas.setFocus();
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        if (image != null) {
            image.dispose();
        }
        super.dispose();
    }
}
