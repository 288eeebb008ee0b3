package org.twinprint.ui.views;

import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.SlicePlane;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.TwinPrintSession.Brush;
import org.twinprint.ui.jobs.CaseJob;

/**
 * One plane of the open case with its segments, linked to the other planes through the shared
 * crosshair and window. Mouse: click or drag to move the crosshair (with the brush on, in the
 * axial view: paint), wheel to scroll slices, Ctrl+wheel to zoom, middle-drag to pan, right-drag
 * for window (left-right) and level (up-down). With a markup tool chosen (Markups view), clicks
 * place markups; a markup's point can be dragged. The status line shows the value and LPS position
 * under the cursor.
 */
public class SliceView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.slices";

    private final SlicePlane plane;
    private Canvas canvas;
    private Label status;
    private Label where;
    private Combo presets;
    private Image image;
    private int shownSlice = -1;
    private Rectangle drawn;
    private java.util.List<Vec3> stroke;
    /** The markup control point being dragged, or null. */
    private MarkupOverlay.Hit moving;
    private Point cursor;
    private Point dragStart;
    private int dragButton;
    private int startWidth;
    private int startLevel;
    private double zoom = 1;
    private double panX;
    private double panY;
    private final Consumer<Case> listener = c -> {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.getDisplay().asyncExec(this::rebuild);
        }
    };

    public SliceView() {
        this(SlicePlane.AXIAL);
    }

    protected SliceView(SlicePlane plane) {
        this.plane = plane;
    }

    public SlicePlane plane() {
        return plane;
    }

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        presets = new Combo(parent, SWT.READ_ONLY);
        for (WindowPreset p : WindowPreset.values()) {
            presets.add(p.label + " (W " + p.width + " / L " + p.level + ")");
        }
        presets.add("Custom");
        presets.addListener(SWT.Selection, e -> {
            int n = presets.getSelectionIndex();
            if (n >= 0 && n < WindowPreset.values().length) {
                WindowPreset p = WindowPreset.values()[n];
                TwinPrintSession.get().setWindow(p.width, p.level);
            }
        });
        where = new Label(parent, SWT.NONE);
        where.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        status = new Label(parent, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        canvas.setBackground(parent.getDisplay().getSystemColor(SWT.COLOR_BLACK));
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseUp, e -> {
            dragStart = null;
            finishStroke();
            if (moving != null) {
                dropMarkupPoint(e.x, e.y);
            }
        });
        canvas.addListener(SWT.Resize, e -> canvas.redraw());
        TwinPrintSession.get().addListener(listener);
        rebuild();
    }

    private Volume volume() {
        Case c = TwinPrintSession.get().currentCase();
        return c == null || c.series().isEmpty() ? null : c.series().get(0).volume();
    }

    private boolean painting() {
        return plane == SlicePlane.AXIAL && TwinPrintSession.get().brush().mode() != Brush.Mode.OFF;
    }

    private void wheel(Event e) {
        if ((e.stateMask & SWT.MOD1) != 0) {
            zoom = Math.max(0.5, Math.min(16, zoom * (e.count > 0 ? 1.25 : 0.8)));
            canvas.redraw();
        } else {
            scroll(e.count > 0 ? 1 : -1);
        }
    }

    private void mouseDown(Event e) {
        dragStart = new Point(e.x, e.y);
        dragButton = e.button;
        startWidth = TwinPrintSession.get().windowWidth();
        startLevel = TwinPrintSession.get().windowLevel();
        Case open = TwinPrintSession.get().currentCase();
        if (e.button == 1 && painting() && volume() != null) {
            stroke = new java.util.ArrayList<>();
            addStrokePoint(e.x, e.y);
        } else if (e.button == 1 && TwinPrintSession.get().placement().tool() != null && open != null) {
            place(open, e.x, e.y);
        } else if (e.button == 1 && open != null && drawn != null && (moving = MarkupOverlay.hit(drawn,
                volume().geometry(), plane, shownSlice, open.markups(), e.x, e.y)) != null) {
            // a control point is dragged; it moves when the button is let go
        } else if (e.button == 1) {
            moveCrosshairTo(e.x, e.y);
        }
    }

    /** A click of the markup tool: a landmark, or one of the points of a line, angle or plane. */
    private void place(Case open, int x, int y) {
        Vec3 p = lpsAt(x, y);
        if (p != null) {
            Geometry g = volume().geometry();
            double[] a = plane.voxel(g, 0, 0, shownSlice), b = plane.voxel(g, 0, 0, shownSlice + 1);
            Vec3 normal = g.toLps(b[0], b[1], b[2]).minus(g.toLps(a[0], a[1], a[2])).normalized();
            TwinPrintSession.get().placement().click(open, p, normal);
            canvas.redraw();
        }
    }

    /** Ends the drag of a markup's control point: it goes where the mouse was let go, on this slice. */
    private void dropMarkupPoint(int x, int y) {
        MarkupOverlay.Hit hit = moving;
        moving = null;
        Case open = TwinPrintSession.get().currentCase();
        Vec3 p = hit == null || open == null ? null : lpsAt(x, y);
        if (p == null) {
            return;
        }
        java.util.List<org.twinprint.core.model.Markup.Point> points = new java.util.ArrayList<>(hit.markup().points());
        points.set(hit.index(), new org.twinprint.core.model.Markup.Point(points.get(hit.index()).label(), p));
        open.putMarkup(new org.twinprint.core.model.Markup(hit.markup().name(), hit.markup().type(), points,
                hit.markup().normal()));
    }

    private void mouseMove(Event e) {
        showValueAt(e.x, e.y);
        cursor = new Point(e.x, e.y);
        if (dragStart != null && (e.stateMask & SWT.BUTTON_MASK) != 0) {
            int dx = e.x - dragStart.x, dy = e.y - dragStart.y;
            if (dragButton == 1 && stroke != null) {
                addStrokePoint(e.x, e.y);
            } else if (dragButton == 1 && moving != null) {
                canvas.redraw(); // the point lands on mouse up
            } else if (dragButton == 1) {
                moveCrosshairTo(e.x, e.y);
            } else if (dragButton == 2) {
                panX += dx;
                panY += dy;
                dragStart = new Point(e.x, e.y);
                canvas.redraw();
            } else if (dragButton == 3) {
                presets.select(WindowPreset.values().length); // custom
                TwinPrintSession.get().setWindow(startWidth + 4 * dx, startLevel - 2 * dy);
            }
        }
        if (painting()) {
            canvas.redraw();
        }
    }

    private void scroll(int delta) {
        double[] c = TwinPrintSession.get().crosshair();
        Volume v = volume();
        if (c == null || v == null) {
            return;
        }
        double[] p = plane.pixel(v.geometry(), c[0], c[1], c[2]);
        double[] ijk = plane.voxel(v.geometry(), p[0], p[1], p[2] + delta);
        TwinPrintSession.get().setCrosshair(ijk[0], ijk[1], ijk[2]);
    }

    /** Shows slice s of this plane (for axial CT 0 is the most inferior); for the UI and tests. */
    public void showSlice(int s) {
        double[] c = TwinPrintSession.get().crosshair();
        Volume v = volume();
        if (c == null || v == null) {
            return;
        }
        double[] p = plane.pixel(v.geometry(), c[0], c[1], c[2]);
        double[] ijk = plane.voxel(v.geometry(), p[0], p[1], s);
        TwinPrintSession.get().setCrosshair(ijk[0], ijk[1], ijk[2]);
    }

    /** The slice of this plane that is shown. */
    public int slice() {
        return shownSlice;
    }

    /** Moves the crosshair to pixel (u, v) of the shown slice; for the mouse and for tests. */
    public void clickPixel(double u, double v) {
        Volume vol = volume();
        if (vol != null && shownSlice >= 0) {
            double[] ijk = plane.voxel(vol.geometry(), u, v, shownSlice);
            TwinPrintSession.get().setCrosshair(ijk[0], ijk[1], ijk[2]);
        }
    }

    /** The readout for pixel (u, v) of the shown slice, as the status line shows it under the cursor. */
    public String readout(int u, int v) {
        Volume vol = volume();
        if (vol == null || shownSlice < 0) {
            return "";
        }
        Geometry g = vol.geometry();
        double[] ijk = plane.voxel(g, u, v, shownSlice);
        int i = (int) ijk[0], j = (int) ijk[1], k = (int) ijk[2];
        Vec3 p = g.toLps(i, j, k);
        return String.format(Locale.ROOT, "%s %d / %d   voxel (%d, %d, %d)   %d %s   LPS (%.1f, %.1f, %.1f) mm",
                name(), shownSlice + 1, plane.slices(g), i, j, k, vol.get(i, j, k), vol.unit(), p.x(), p.y(), p.z());
    }

    private String name() {
        String n = plane.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(n.charAt(0)) + n.substring(1);
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
        TwinPrintSession session = TwinPrintSession.get();
        double[] c = session.crosshair();
        if (v == null || c == null) {
            shownSlice = -1;
            where.setText("");
            status.setText("No case open");
        } else {
            Geometry g = v.geometry();
            shownSlice = (int) plane.pixel(g, c[0], c[1], c[2])[2];
            image = new Image(canvas.getDisplay(), PlaneImage.render(v, session.currentCase().labelMap(), plane,
                    shownSlice, session.windowWidth(), session.windowLevel()));
            Vec3 p = g.toLps(c[0], c[1], c[2]);
            where.setText(String.format(Locale.ROOT, "%s %d / %d", name(), shownSlice + 1, plane.slices(g)));
            status.setText(String.format(Locale.ROOT, "crosshair LPS (%.1f, %.1f, %.1f) mm   %d %s   W %d L %d",
                    p.x(), p.y(), p.z(), v.get((int) c[0], (int) c[1], (int) c[2]), v.unit(), session.windowWidth(),
                    session.windowLevel()));
            selectPreset(session.windowWidth(), session.windowLevel());
        }
        where.getParent().layout();
        canvas.redraw();
    }

    private void selectPreset(int width, int level) {
        WindowPreset[] all = WindowPreset.values();
        for (int n = 0; n < all.length; n++) {
            if (all[n].width == width && all[n].level == level) {
                presets.select(n);
                return;
            }
        }
        presets.select(all.length);
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
        double widthMm = plane.width(g) * plane.pixelWidthMm(g);
        double heightMm = plane.height(g) * plane.pixelHeightMm(g);
        double scale = zoom * Math.min(area.width / widthMm, area.height / heightMm);
        int w = (int) (widthMm * scale);
        int h = (int) (heightMm * scale);
        drawn = new Rectangle((int) ((area.width - w) / 2 + panX), (int) ((area.height - h) / 2 + panY), w, h);
        Rectangle src = image.getBounds();
        gc.drawImage(image, 0, 0, src.width, src.height, drawn.x, drawn.y, drawn.width, drawn.height);
        double[] c = TwinPrintSession.get().crosshair();
        if (c != null) {
            double[] p = plane.pixel(g, c[0], c[1], c[2]);
            int x = drawn.x + (int) ((p[0] + 0.5) * drawn.width / plane.width(g));
            int y = drawn.y + (int) ((p[1] + 0.5) * drawn.height / plane.height(g));
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_CYAN));
            gc.setLineStyle(SWT.LINE_DOT);
            gc.drawLine(drawn.x, y, drawn.x + drawn.width, y);
            gc.drawLine(x, drawn.y, x, drawn.y + drawn.height);
            gc.setLineStyle(SWT.LINE_SOLID);
        }
        Brush brush = TwinPrintSession.get().brush();
        if (painting() && cursor != null && drawn.contains(cursor.x, cursor.y)) {
            int r = (int) Math.round(brush.radiusMm() * drawn.width / widthMm);
            gc.setForeground(canvas.getDisplay().getSystemColor(brush.mode() == Brush.Mode.PAINT ? SWT.COLOR_GREEN
                    : SWT.COLOR_RED));
            gc.drawOval(cursor.x - r, cursor.y - r, 2 * r, 2 * r);
        }
        Case open = TwinPrintSession.get().currentCase();
        if (open != null) {
            MarkupOverlay.draw(gc, drawn, g, plane, shownSlice, open.markups());
        }
        String[] edges = plane.edgeLabels(g);
        gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_YELLOW));
        gc.drawText(edges[0], drawn.x + 4, drawn.y + drawn.height / 2, true);
        gc.drawText(edges[1], drawn.x + drawn.width - 8 - 6 * edges[1].length(), drawn.y + drawn.height / 2, true);
        gc.drawText(edges[2], drawn.x + drawn.width / 2, drawn.y + 4, true);
        gc.drawText(edges[3], drawn.x + drawn.width / 2, drawn.y + drawn.height - 18, true);
    }

    /** Pixel (u, v) of the shown slice under a canvas point, or null outside the image. */
    private double[] pixelAt(int x, int y) {
        Volume v = volume();
        if (v == null || drawn == null || !drawn.contains(x, y)) {
            return null;
        }
        Geometry g = v.geometry();
        return new double[] { (x - drawn.x) * (double) plane.width(g) / drawn.width,
                (y - drawn.y) * (double) plane.height(g) / drawn.height };
    }

    private void moveCrosshairTo(int x, int y) {
        double[] uv = pixelAt(x, y);
        if (uv != null) {
            clickPixel(Math.floor(uv[0]), Math.floor(uv[1]));
        }
    }

    private void showValueAt(int x, int y) {
        double[] uv = pixelAt(x, y);
        if (uv != null) {
            status.setText(readout((int) uv[0], (int) uv[1]));
            status.getParent().layout();
        }
    }

    /** The LPS position of a canvas point on the shown slice, or null outside the image. */
    private Vec3 lpsAt(int x, int y) {
        double[] uv = pixelAt(x, y);
        if (uv == null) {
            return null;
        }
        double[] ijk = plane.voxel(volume().geometry(), uv[0] - 0.5, uv[1] - 0.5, shownSlice);
        return volume().geometry().toLps(ijk[0], ijk[1], ijk[2]);
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
