package org.twinprint.ui;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.CaseStore;
import org.twinprint.core.service.ServiceCatalog;

/**
 * The workbench's one open case and the services that act on it. Views listen here; every change
 * comes through {@link CaseOperations}, exactly as on the command line.
 */
public final class TwinPrintSession {

    private static final TwinPrintSession INSTANCE = new TwinPrintSession();

    private final List<Consumer<Case>> listeners = new CopyOnWriteArrayList<>();
    private final Consumer<Case> forward = c -> listeners.forEach(l -> l.accept(c));
    /** A change of the case itself (not of how it is shown): it now differs from its file. */
    private final Consumer<Case> edited = c -> {
        unsaved = true;
        forward.accept(c);
    };
    private ServiceTracker<ServiceCatalog, ServiceCatalog> tracker;
    private ServiceTracker<CaseStore, CaseStore> stores;
    private volatile Case current;
    /** The file the open case was opened from or last saved to; null for a case never saved. */
    private volatile Path file;
    private volatile boolean unsaved;
    private final java.util.Set<Integer> hidden = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final int DEFAULT_OPACITY = 43;
    private volatile boolean outlines;
    private final org.twinprint.ui.views.MarkupPlacement placement = new org.twinprint.ui.views.MarkupPlacement();
    private final java.util.Set<String> hiddenMeshes = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final java.util.Map<Integer, Integer> opacity = new java.util.concurrent.ConcurrentHashMap<>();
    private final java.util.Map<String, int[]> vertexColours = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String activeSegment;
    private volatile Brush brush = new Brush(Brush.Mode.OFF, 3, false);
    private volatile double[] crosshair;
    private volatile int windowWidth = 1800;
    private volatile int windowLevel = 400;

    /** The slice view's brush: off, painting or erasing, radius in mm, disc or ball. */
    public record Brush(Mode mode, double radiusMm, boolean sphere) {
        public enum Mode {
            OFF, PAINT, ERASE
        }
    }

    private TwinPrintSession() {
    }

    public static TwinPrintSession get() {
        return INSTANCE;
    }

    public synchronized CaseOperations operations() {
        if (tracker == null) {
            BundleContext context = FrameworkUtil.getBundle(TwinPrintSession.class).getBundleContext();
            tracker = new ServiceTracker<>(context, ServiceCatalog.class, null);
            tracker.open();
        }
        try {
            ServiceCatalog catalog = tracker.waitForService(10_000);
            if (catalog == null) {
                throw new IllegalStateException("TwinPrint services are not running (Declarative Services missing?)");
            }
            return new CaseOperations(catalog);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Case currentCase() {
        return current;
    }

    /** Makes a case the open one; views are told at once and on each later change of it. */
    public void open(Case c) {
        open(c, null);
    }

    /** Makes a case opened from {@code from} (null: a new case, never saved) the open one. */
    public void open(Case c, Path from) {
        Case old = current;
        if (old != null) {
            old.removeListener(edited);
            if (old != c) {
                old.close();
            }
        }
        current = c;
        file = from;
        unsaved = false;
        crosshair = null; // a new case starts in its middle
        vertexColours.clear();
        if (c != null) {
            c.addListener(edited);
        }
        forward.accept(c);
    }

    /** The open case was saved to {@code to}: it is its file now, and nothing is unsaved. */
    public void saved(Case c, Path to) {
        if (c == current) {
            file = to;
            unsaved = false;
            forward.accept(c);
        }
    }

    /** The open case has changes that are in no file (a case restored from an autosave). */
    public void markUnsaved() {
        if (current != null) {
            unsaved = true;
            forward.accept(current);
        }
    }

    /** The file of the open case, or null if it was never saved. */
    public Path file() {
        return file;
    }

    /** Has the open case changed since it was opened or saved? */
    public boolean unsaved() {
        return current != null && unsaved;
    }

    /** What the window's title says: the case, its file, and a star when changes are unsaved. */
    public String title() {
        Case c = current;
        if (c == null) {
            return "TwinPrint";
        }
        Path f = file;
        return (unsaved ? "*" : "") + c.name() + (f == null ? "" : " - " + f.getFileName()) + " - TwinPrint";
    }

    /** The service that saves and opens case files. */
    public synchronized CaseStore caseStore() {
        if (stores == null) {
            BundleContext context = FrameworkUtil.getBundle(TwinPrintSession.class).getBundleContext();
            stores = new ServiceTracker<>(context, CaseStore.class, null);
            stores.open();
        }
        try {
            CaseStore store = stores.waitForService(10_000);
            if (store == null) {
                throw new IllegalStateException("no case store: the bundle org.twinprint.casefile.core is not running");
            }
            return store;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What clicks in the slice views place: landmarks, lines, angles, planes, or nothing. */
    public org.twinprint.ui.views.MarkupPlacement placement() {
        return placement;
    }

    /** Meshes the 3D view does not draw, by name (a model once cut shows as its parts). */
    public boolean isMeshHidden(String name) {
        return hiddenMeshes.contains(name);
    }

    public void setMeshHidden(String name, boolean hide) {
        toggle(hiddenMeshes, name, hide);
    }

    /**
     * The 3D view colours this mesh vertex by vertex (a fit or deviation map, 0xRRGGBB per vertex)
     * while its vertex count matches; null removes the map.
     */
    public void setVertexColours(String mesh, int[] rgb) {
        if (rgb == null) {
            vertexColours.remove(mesh);
        } else {
            vertexColours.put(mesh, rgb);
        }
        forward.accept(current);
    }

    public int[] vertexColours(String mesh) {
        return vertexColours.get(mesh);
    }

    /** Whether the slice views draw segments as outlines rather than filled. */
    public boolean outlines() {
        return outlines;
    }

    public void setOutlines(boolean on) {
        outlines = on;
        changed();
    }

    /** How opaque a segment's colour is over the image in the slice views, in percent (display only). */
    public int opacityPercent(int key) {
        return opacity.getOrDefault(key, DEFAULT_OPACITY);
    }

    public void setOpacityPercent(int key, int percent) {
        opacity.put(key, Math.max(0, Math.min(100, percent)));
        changed();
    }

    /** Segments the views do not draw (by {@link Segment#key()}); display only, the case is unchanged. */
    public boolean isHidden(int key) {
        return hidden.contains(key);
    }

    public void setHidden(int key, boolean hide) {
        toggle(hidden, key, hide);
    }

    /** Puts a display setting's key in or out of its set, and redraws. */
    private <T> void toggle(java.util.Set<T> set, T key, boolean in) {
        if (in) {
            set.add(key);
        } else {
            set.remove(key);
        }
        changed();
    }

    /** The segment brushes paint into, by name. */
    public String activeSegment() {
        return activeSegment;
    }

    public void setActiveSegment(String name) {
        activeSegment = name;
    }

    public Brush brush() {
        return brush;
    }

    public void setBrush(Brush b) {
        brush = b;
    }

    /**
     * The point the three slice views share, as voxel indices {i, j, k} of the first series;
     * the middle of the volume until someone clicks.
     */
    public double[] crosshair() {
        double[] c = crosshair;
        Case open = current;
        if (c == null && open != null && !open.series().isEmpty()) {
            var g = open.series().get(0).volume().geometry();
            c = new double[] { g.nx() / 2, g.ny() / 2, g.nz() / 2 };
        }
        return c == null ? null : c.clone();
    }

    /** Moves the shared point (clamped into the volume) and redraws the views. */
    public void setCrosshair(double i, double j, double k) {
        Case open = current;
        if (open == null || open.series().isEmpty()) {
            return;
        }
        var g = open.series().get(0).volume().geometry();
        crosshair = new double[] { clamp(i, g.nx()), clamp(j, g.ny()), clamp(k, g.nz()) };
        changed();
    }

    private static double clamp(double v, int n) {
        return Math.max(0, Math.min(n - 1, Math.rint(v)));
    }

    /** Window width and level (HU) the slice views share. */
    public int windowWidth() {
        return windowWidth;
    }

    public int windowLevel() {
        return windowLevel;
    }

    public void setWindow(int width, int level) {
        windowWidth = Math.max(1, width);
        windowLevel = level;
        changed();
    }

    /** Tells every view to redraw the open case (after a display setting changed). */
    public void changed() {
        forward.accept(current);
    }

    /** Listeners run in the thread that changed the case: views must hop to the display thread. */
    public void addListener(Consumer<Case> l) {
        listeners.add(l);
    }

    public void removeListener(Consumer<Case> l) {
        listeners.remove(l);
    }
}
