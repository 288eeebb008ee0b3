package org.twinprint.ui.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.meshing.vtk.MeshSceneRenderer;
import org.twinprint.ui.TwinPrintSession;

/**
 * The case's meshes in 3D, in their segments' colours: drag to orbit, right-drag to pan, wheel
 * to zoom. While the camera moves a lighter version of each mesh is drawn (level of detail).
 * VTK renders off screen; without a display the view says so instead of starting VTK.
 */
public final class ModelView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.model";
    /** Triangles of the light version drawn while the camera moves. */
    private static final String LIGHT_TRIANGLES = "150000";

    private Canvas canvas;
    private MeshSceneRenderer renderer;
    private Image image;
    private boolean dragging;
    private int button;
    private int lastX;
    private int lastY;
    private final Map<Mesh, Mesh> light = new ConcurrentHashMap<>();
    private final Consumer<Case> listener = c -> {
        if (canvas != null && !canvas.isDisposed()) {
            canvas.getDisplay().asyncExec(this::redraw);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new FillLayout());
        try {
            renderer = new MeshSceneRenderer();
        } catch (IllegalStateException | UnsatisfiedLinkError e) {
            Label message = new Label(parent, SWT.WRAP | SWT.CENTER);
            message.setText("3D view not available: " + e.getMessage());
            return;
        }
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND);
        canvas.addPaintListener(e -> paint(e.gc));
        canvas.addListener(SWT.Resize, e -> redraw());
        canvas.addListener(SWT.MouseDown, e -> {
            dragging = true;
            button = e.button;
            lastX = e.x;
            lastY = e.y;
        });
        canvas.addListener(SWT.MouseUp, e -> {
            dragging = false;
            redraw();
        });
        canvas.addListener(SWT.MouseMove, e -> {
            if (!dragging) {
                return;
            }
            Rectangle area = canvas.getClientArea();
            double dx = (e.x - lastX) / (double) Math.max(1, area.width);
            double dy = (e.y - lastY) / (double) Math.max(1, area.height);
            if (button == 1) {
                renderer.orbit(dx * 180, dy * 180);
            } else {
                renderer.pan(dx, -dy);
            }
            lastX = e.x;
            lastY = e.y;
            redraw();
        });
        canvas.addListener(SWT.MouseVerticalWheel, e -> {
            renderer.zoom(e.count > 0 ? 1.1 : 1 / 1.1);
            redraw();
        });
        TwinPrintSession.get().addListener(listener);
        redraw();
    }

    /** Re-renders into the image and repaints. */
    public void redraw() {
        if (canvas == null || canvas.isDisposed()) {
            return;
        }
        Rectangle area = canvas.getClientArea();
        if (area.width < 2 || area.height < 2) {
            return;
        }
        List<MeshSceneRenderer.Item> items = items();
        int[] rgb = renderer.render(items, dragging, area.width, area.height);
        renderer.retainOnly(items);
        ImageData data = new ImageData(area.width, area.height, 24, new PaletteData(0xff0000, 0x00ff00, 0x0000ff));
        data.setPixels(0, 0, rgb.length, rgb, 0);
        if (image != null) {
            image.dispose();
        }
        image = new Image(canvas.getDisplay(), data);
        canvas.redraw();
    }

    /** Meshes of the case; a mesh named like a hidden segment is hidden with it. */
    private List<MeshSceneRenderer.Item> items() {
        Case c = TwinPrintSession.get().currentCase();
        List<MeshSceneRenderer.Item> items = new ArrayList<>();
        if (c == null) {
            return items;
        }
        light.keySet().retainAll(c.meshes());
        for (Mesh m : c.meshes()) {
            boolean visible = !TwinPrintSession.get().isMeshHidden(m.name());
            int rgb = m.rgb();
            if (c.labelMap() != null) {
                for (Segment s : c.labelMap().segments()) {
                    if (s.name().equals(m.name())) {
                        visible &= !TwinPrintSession.get().isHidden(s.key());
                        rgb = s.rgb();
                    }
                }
            }
            items.add(new MeshSceneRenderer.Item(m, lightVersion(m), rgb, visible,
                    TwinPrintSession.get().vertexColours(m.name())));
        }
        return items;
    }

    /**
     * The light version of a big mesh, made once in the background when the camera first moves;
     * null until it is ready (the full mesh is drawn meanwhile).
     */
    private Mesh lightVersion(Mesh m) {
        if (m.triangleCount() <= Integer.parseInt(LIGHT_TRIANGLES)) {
            return m;
        }
        Mesh ready = light.get(m);
        if (dragging && ready == null && light.putIfAbsent(m, m) == null) {
            Job lod = Job.create("Preparing 3D level of detail", monitor -> {
                MeshFilter reduce = TwinPrintSession.get().operations().catalog().require(ServiceKind.MESH_FILTER,
                        MeshFilter.class, "mesh.reduce");
                light.put(m, reduce.apply(m, Parameters.of(reduce.parameters(), Map.of("target", LIGHT_TRIANGLES)),
                        Progress.NONE));
            });
            lod.setSystem(true);
            lod.schedule();
        }
        return ready == m ? null : ready;
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (image != null) {
            gc.drawImage(image, 0, 0);
        } else {
            gc.fillRectangle(area);
        }
        Case c = TwinPrintSession.get().currentCase();
        if (c == null || c.meshes().isEmpty()) {
            gc.setForeground(canvas.getDisplay().getSystemColor(SWT.COLOR_GRAY));
            gc.drawText("No model yet: Segments > Make model", 10, 10, true);
        }
    }

    /** Looks from the front again; for the UI and tests. */
    public void resetCamera() {
        renderer.resetCamera();
        redraw();
    }

    /** Turns the view as a drag would; for tests. */
    public void orbit(double right, double up) {
        renderer.orbit(right, up);
        redraw();
    }

    @Override
    public void setFocus() {
        if (canvas != null) {
            canvas.setFocus();
        }
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        if (image != null) {
            image.dispose();
        }
        if (renderer != null) {
            renderer.dispose();
        }
        super.dispose();
    }
}
