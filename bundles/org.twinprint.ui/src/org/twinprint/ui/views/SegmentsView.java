package org.twinprint.ui.views;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.ColorDialog;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.LabelMap;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.meshing.core.ModelPipeline;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;
import org.twinprint.ui.TwinPrintSession.Brush;

/**
 * The segment editor: every segment with its colour, volume and visibility; the brush that paints
 * or erases the selected one in the slice view; undo and redo of every edit.
 */
public final class SegmentsView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.segments";

    private Table table;
    private Combo mode;
    private Spinner radius;
    private Spinner opacity;
    private Button sphere;
    private Button undo;
    private Button redo;
    /** The printability report of the last model made here. */
    private Label modelReport;
    private volatile ModelPipeline.Result lastModel;
    private final Consumer<Case> listener = c -> {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        table = new Table(parent, SWT.CHECK | SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        for (String title : new String[] { "Segment", "Volume", "Colour" }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(title);
            col.setWidth(title.equals("Segment") ? 140 : 80);
        }
        table.addListener(SWT.Selection, e -> {
            if (e.detail == SWT.CHECK) {
                Segment s = (Segment) e.item.getData();
                TwinPrintSession.get().setHidden(s.key(), !((TableItem) e.item).getChecked());
            } else if (e.item != null) {
                Segment s = (Segment) e.item.getData();
                TwinPrintSession.get().setActiveSegment(s.name());
                opacity.setSelection(TwinPrintSession.get().opacityPercent(s.key()));
            }
        });
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        Button add = new Button(buttons, SWT.PUSH);
        add.setText("Add");
        add.addListener(SWT.Selection, e -> addSegment());
        Button rename = new Button(buttons, SWT.PUSH);
        rename.setText("Rename...");
        rename.addListener(SWT.Selection, e -> renameSegment());
        Button delete = new Button(buttons, SWT.PUSH);
        delete.setText("Delete");
        delete.addListener(SWT.Selection, e -> {
            Segment s = selected();
            if (s != null) {
                manage("segment.delete", Map.of("segment", s.name()));
            }
        });
        Button colour = new Button(buttons, SWT.PUSH);
        colour.setText("Colour...");
        colour.addListener(SWT.Selection, e -> recolour());
        Button outline = new Button(buttons, SWT.CHECK);
        outline.setText("Outline");
        outline.setToolTipText("Draw segments in the slice views as outlines instead of filled");
        outline.addListener(SWT.Selection, e -> TwinPrintSession.get().setOutlines(outline.getSelection()));
        new Label(buttons, SWT.NONE).setText("Opacity %");
        opacity = new Spinner(buttons, SWT.BORDER);
        opacity.setValues(43, 0, 100, 0, 5, 20);
        opacity.setToolTipText("How strongly the selected segment's colour covers the image in the slice views");
        opacity.addListener(SWT.Selection, e -> {
            Segment s = selected();
            if (s != null && TwinPrintSession.get().opacityPercent(s.key()) != opacity.getSelection()) {
                TwinPrintSession.get().setOpacityPercent(s.key(), opacity.getSelection());
            }
        });
        undo = new Button(buttons, SWT.PUSH);
        undo.setText("Undo");
        undo.addListener(SWT.Selection, e -> TwinPrintSession.get().operations().undo(caseOrNull()));
        redo = new Button(buttons, SWT.PUSH);
        redo.setText("Redo");
        redo.addListener(SWT.Selection, e -> TwinPrintSession.get().operations().redo(caseOrNull()));
        Button model = new Button(buttons, SWT.PUSH);
        model.setText("Make model");
        model.setToolTipText("Surface, smooth, reduce, repair and check the selected segment: the same recipe as"
                + " releng/run model");
        model.addListener(SWT.Selection, e -> makeModel());
        modelReport = new Label(parent, SWT.WRAP);
        modelReport.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));

        Composite brushRow = new Composite(parent, SWT.NONE);
        brushRow.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        brushRow.setLayout(new RowLayout(SWT.HORIZONTAL));
        new Label(brushRow, SWT.NONE).setText("Brush");
        mode = new Combo(brushRow, SWT.READ_ONLY);
        mode.setItems("Off", "Paint", "Erase");
        mode.select(0);
        radius = new Spinner(brushRow, SWT.BORDER);
        radius.setValues(30, 5, 500, 1, 5, 20); // tenths of a millimetre
        radius.setToolTipText("Brush radius in mm");
        new Label(brushRow, SWT.NONE).setText("mm");
        sphere = new Button(brushRow, SWT.CHECK);
        sphere.setText("3D ball");
        for (var w : List.of(mode, radius, sphere)) {
            w.addListener(SWT.Selection, e -> updateBrush());
            w.addListener(SWT.Modify, e -> updateBrush());
        }
        TwinPrintSession.get().addListener(listener);
        refresh();
    }

    /** Runs a segment-management tool on the open case as an undoable, recorded step. */
    private void manage(String tool, Map<String, String> parameters) {
        Case c = caseOrNull();
        if (c == null) {
            return;
        }
        CaseOperations operations = TwinPrintSession.get().operations();
        var service = operations.catalog().require(org.twinprint.core.service.ServiceKind.SEGMENTATION_TOOL,
                org.twinprint.core.spi.SegmentationTool.class, tool);
        new CaseJob(service.label(), progress -> operations.segment(c, service, parameters, progress)).schedule();
    }

    private void addSegment() {
        Case c = caseOrNull();
        if (c == null) {
            return;
        }
        int n = 1;
        while (c.labelMap() != null && c.labelMap().segment("Segment " + n).isPresent()) {
            n++;
        }
        String name = "Segment " + n;
        TwinPrintSession.get().setActiveSegment(name);
        manage("segment.add", Map.of("segment", name));
    }

    private void renameSegment() {
        Segment s = selected();
        if (s == null) {
            return;
        }
        org.eclipse.jface.dialogs.InputDialog ask = new org.eclipse.jface.dialogs.InputDialog(table.getShell(),
                "Rename segment", "New name:", s.name(), text -> text.isBlank() ? "A segment needs a name" : null);
        if (ask.open() == org.eclipse.jface.window.Window.OK && !ask.getValue().strip().equals(s.name())) {
            TwinPrintSession.get().setActiveSegment(ask.getValue().strip());
            manage("segment.rename", Map.of("segment", s.name(), "name", ask.getValue().strip()));
        }
    }

    /** The segment selected in the table, or null. */
    private Segment selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : (Segment) table.getItem(i).getData();
    }

    private Case caseOrNull() {
        return TwinPrintSession.get().currentCase();
    }

    private void updateBrush() {
        Brush.Mode m = Brush.Mode.values()[Math.max(0, mode.getSelectionIndex())];
        TwinPrintSession.get().setBrush(new Brush(m, radius.getSelection() / 10.0, sphere.getSelection()));
    }

    /** Sets the brush from code (tests, shortcuts) and shows it in the controls. */
    public void setBrush(Brush b) {
        mode.select(b.mode().ordinal());
        radius.setSelection((int) Math.round(b.radiusMm() * 10));
        sphere.setSelection(b.sphere());
        updateBrush();
    }

    /**
     * The model recipe ({@link ModelPipeline}) on the selected segment, as a Job; its printability
     * report is shown below the buttons when it is done. Returns the job (for tests).
     */
    public org.eclipse.core.runtime.jobs.Job makeModel() {
        Case c = caseOrNull();
        String name = TwinPrintSession.get().activeSegment();
        if (c == null || name == null || c.labelMap() == null || c.labelMap().segment(name).isEmpty()) {
            return null;
        }
        CaseOperations operations = TwinPrintSession.get().operations();
        CaseJob job = new CaseJob("Make model of " + name, progress -> {
            c.removeMeshes(name);
            ModelPipeline.Result result = new ModelPipeline(operations).run(c, ModelPipeline.Options.ofSegment(name),
                    progress);
            lastModel = result;
            String text = name + ": " + String.join("\n", result.report().summary());
            modelReport.getDisplay().asyncExec(() -> {
                if (!modelReport.isDisposed()) {
                    modelReport.setText(text);
                    modelReport.getParent().layout(true, true);
                }
            });
        });
        job.schedule();
        return job;
    }

    /** The outcome of the last Make model, or null (for tests). */
    public ModelPipeline.Result lastModel() {
        return lastModel;
    }

    /** What the view says about the last model (for tests). */
    public String modelReportText() {
        return modelReport.getText();
    }

    private void recolour() {
        Case c = caseOrNull();
        int i = table.getSelectionIndex();
        if (c == null || i < 0) {
            return;
        }
        Segment s = (Segment) table.getItem(i).getData();
        ColorDialog dialog = new ColorDialog(table.getShell());
        dialog.setRGB(new RGB(s.rgb() >> 16 & 0xff, s.rgb() >> 8 & 0xff, s.rgb() & 0xff));
        RGB rgb = dialog.open();
        if (rgb != null) {
            c.labelMap().update(s, s.name(), rgb.red << 16 | rgb.green << 8 | rgb.blue);
            c.fireChanged();
        }
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Case c = caseOrNull();
        LabelMap map = c == null ? null : c.labelMap();
        table.removeAll();
        List<Segment> segments = map == null ? List.of() : map.segments();
        Map<Integer, Long> counts = map == null ? Map.of() : counts(map);
        String active = TwinPrintSession.get().activeSegment();
        for (Segment s : segments) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(s);
            item.setChecked(!TwinPrintSession.get().isHidden(s.key()));
            item.setText(0, s.name());
            item.setText(1, String.format(Locale.ROOT, "%.1f ml",
                    counts.getOrDefault(s.key(), 0L) * map.geometry().voxelVolumeMm3() / 1000));
            item.setText(2, s.hexColor());
            item.setBackground(2, new Color(s.rgb() >> 16 & 0xff, s.rgb() >> 8 & 0xff, s.rgb() & 0xff));
            if (s.name().equals(active)) {
                table.setSelection(item);
            }
        }
        if (table.getSelectionIndex() < 0 && !segments.isEmpty()) {
            table.setSelection(0);
            TwinPrintSession.get().setActiveSegment(segments.get(0).name());
        }
        Segment shown = selected();
        if (shown != null) {
            opacity.setSelection(TwinPrintSession.get().opacityPercent(shown.key()));
        }
        undo.setEnabled(c != null && c.nextUndo().isPresent());
        undo.setToolTipText(c == null ? "" : c.nextUndo().map(u -> "Undo " + u).orElse(""));
        redo.setEnabled(c != null && c.nextRedo().isPresent());
        redo.setToolTipText(c == null ? "" : c.nextRedo().map(u -> "Redo " + u).orElse(""));
    }

    /** Voxels per segment key in one pass over each layer. */
    private static Map<Integer, Long> counts(LabelMap map) {
        Map<Integer, Long> out = new java.util.HashMap<>();
        for (int layer = 0; layer < map.layerCount(); layer++) {
            long[] n = new long[LabelMap.MAX_LABEL + 1];
            for (byte b : map.layer(layer)) {
                n[b & 0xff]++;
            }
            for (int i = 1; i < n.length; i++) {
                if (n[i] > 0) {
                    out.put(layer << 8 | i, n[i]);
                }
            }
        }
        return out;
    }

    /** Names of the listed segments, visible first; for tests. */
    public List<String> rows() {
        return java.util.Arrays.stream(table.getItems())
                .map(i -> (i.getChecked() ? "+" : "-") + i.getText(0) + " " + i.getText(1)).toList();
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        super.dispose();
    }
}
