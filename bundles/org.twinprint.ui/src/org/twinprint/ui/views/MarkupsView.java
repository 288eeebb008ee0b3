package org.twinprint.ui.views;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.casefile.core.SlicerMarkups;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.meshing.core.PlaneCuts;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/**
 * The case's markups with what they measure. The tool buttons make the next clicks in a slice
 * view place a landmark, a line, an angle or a plane; a selected markup can be renamed or deleted,
 * a plane can cut the models; markups go to and come from 3D Slicer's markups JSON.
 */
public final class MarkupsView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.markups";

    private Table table;
    private final java.util.Map<MarkupPlacement.Tool, Button> tools = new java.util.EnumMap<>(MarkupPlacement.Tool.class);
    private final Consumer<Case> listener = c -> {
        if (table != null && !table.isDisposed()) {
            table.getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Composite place = new Composite(parent, SWT.NONE);
        place.setLayout(new RowLayout(SWT.HORIZONTAL));
        for (MarkupPlacement.Tool t : MarkupPlacement.Tool.values()) {
            Button b = new Button(place, SWT.TOGGLE);
            b.setText(switch (t) {
            case LANDMARK -> "Landmark";
            case LINE -> "Line";
            case ANGLE -> "Angle";
            case PLANE -> "Plane";
            });
            b.setToolTipText("Place with clicks in a slice view (a plane: two clicks, seen edge-on)");
            b.addListener(SWT.Selection, e -> choose(b.getSelection() ? t : null));
            tools.put(t, b);
        }
        table = new Table(parent, SWT.FULL_SELECTION | SWT.SINGLE | SWT.BORDER);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        for (String title : new String[] { "Markup", "Kind", "Value" }) {
            TableColumn col = new TableColumn(table, SWT.LEFT);
            col.setText(title);
            col.setWidth(title.equals("Markup") ? 130 : 80);
        }
        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new RowLayout(SWT.HORIZONTAL));
        button(buttons, "Rename...", this::rename);
        button(buttons, "Delete", this::delete);
        button(buttons, "Cut models", this::cut);
        button(buttons, "Import...", this::importFile);
        button(buttons, "Export...", this::exportFile);
        TwinPrintSession.get().addListener(listener);
        refresh();
    }

    private static void button(Composite parent, String text, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.addListener(SWT.Selection, e -> action.run());
    }

    /** Makes the next clicks in the slice views place markups of this kind (null: none). */
    public void choose(MarkupPlacement.Tool tool) {
        TwinPrintSession.get().placement().choose(tool);
        tools.forEach((t, b) -> b.setSelection(t == tool));
    }

    private void refresh() {
        if (table.isDisposed()) {
            return;
        }
        Case c = TwinPrintSession.get().currentCase();
        String selected = selected() == null ? null : selected().name();
        table.removeAll();
        for (Markup m : c == null ? List.<Markup>of() : c.markups()) {
            TableItem item = new TableItem(table, SWT.NONE);
            item.setData(m);
            item.setText(0, m.name());
            item.setText(1, m.type().name().toLowerCase(Locale.ROOT).replace('_', ' '));
            item.setText(2, value(m));
            if (m.name().equals(selected)) {
                table.setSelection(item);
            }
        }
    }

    static String value(Markup m) {
        return switch (m.type()) {
        case POINTS -> m.points().size() + (m.points().size() == 1 ? " point" : " points");
        case LINE, CLOSED_CURVE -> String.format(Locale.ROOT, "%.1f mm", m.measurement());
        case ANGLE -> String.format(Locale.ROOT, "%.1f°", m.measurement());
        case PLANE -> "plane";
        };
    }

    private Markup selected() {
        int i = table.getSelectionIndex();
        return i < 0 ? null : (Markup) table.getItem(i).getData();
    }

    private void rename() {
        Markup m = selected();
        Case c = TwinPrintSession.get().currentCase();
        if (m == null || c == null) {
            return;
        }
        InputDialog ask = new InputDialog(table.getShell(), "Rename markup", "New name:", m.name(), text -> text.isBlank()
                ? "A markup needs a name" : !text.equals(m.name()) && c.markups().stream().anyMatch(k -> k.name().equals(text))
                        ? "The case has a markup of that name" : null);
        if (ask.open() == Window.OK) {
            rename(c, m, ask.getValue().strip());
        }
    }

    /** Renames a markup of the case (for the dialog and for tests). */
    public static void rename(Case c, Markup m, String name) {
        c.removeMarkup(m.name());
        c.putMarkup(new Markup(name, m.type(), m.points(), m.normal()));
    }

    private void delete() {
        Markup m = selected();
        Case c = TwinPrintSession.get().currentCase();
        if (m != null && c != null) {
            c.removeMarkup(m.name());
        }
    }

    private void cut() {
        Markup m = selected();
        Case c = TwinPrintSession.get().currentCase();
        if (m == null || c == null || m.type() != Markup.Type.PLANE) {
            MessageDialog.openInformation(table.getShell(), "Cut models", "Select a plane to cut the models with.");
            return;
        }
        cut(c, m);
    }

    /**
     * Cuts every model of the case that is not itself a part of a cut, as a Job (returned, for
     * tests); the whole models are hidden so the parts show.
     */
    public static CaseJob cut(Case c, Markup plane) {
        CaseJob job = new CaseJob("Cut models by " + plane.name(), progress -> {
            for (Mesh mesh : c.meshes()) {
                if (!PlaneCuts.isPart(mesh)) {
                    PlaneCuts.cut(c, mesh, List.of(plane));
                    TwinPrintSession.get().setMeshHidden(mesh.name(), true);
                }
            }
        });
        job.schedule();
        return job;
    }

    private void importFile() {
        Case c = TwinPrintSession.get().currentCase();
        FileDialog dialog = new FileDialog(table.getShell(), SWT.OPEN);
        dialog.setFilterExtensions(new String[] { "*.mrk.json", "*.json" });
        String chosen = dialog.open();
        if (chosen == null || c == null) {
            return;
        }
        try {
            SlicerMarkups.read(Path.of(chosen)).forEach(c::putMarkup);
        } catch (java.io.IOException | RuntimeException e) {
            MessageDialog.openError(table.getShell(), "Import markups", chosen + ": " + e.getMessage());
        }
    }

    private void exportFile() {
        Case c = TwinPrintSession.get().currentCase();
        if (c == null) {
            return;
        }
        Path chosen = org.twinprint.ui.handlers.SaveDialogs.ask(table.getShell(), "markups.mrk.json", "*.mrk.json");
        if (chosen == null) {
            return;
        }
        try {
            SlicerMarkups.write(chosen, c.markups());
        } catch (java.io.IOException | RuntimeException e) {
            MessageDialog.openError(table.getShell(), "Export markups", chosen + ": " + e.getMessage());
        }
    }

    @Override
    public void setFocus() {
        table.setFocus();
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        TwinPrintSession.get().placement().choose(null);
        super.dispose();
    }
}
