package org.twinprint.ui.views;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintSession;

/** Shows the open case: its series with their geometry and warnings, segments and provenance. */
public final class CaseView extends ViewPart {

    public static final String ID = "org.twinprint.ui.views.cases";

    private TreeViewer viewer;
    private final Consumer<Case> listener = c -> {
        if (viewer != null && !viewer.getControl().isDisposed()) {
            viewer.getControl().getDisplay().asyncExec(this::refresh);
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.setContentProvider(new ListTreeContent(node -> ((CaseTree) node).children()));
        viewer.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return ((CaseTree) element).label();
            }
        });
        TwinPrintSession.get().addListener(listener);
        refresh();
    }

    private void refresh() {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        Case c = TwinPrintSession.get().currentCase();
        viewer.setInput(c == null ? List.of(CaseTree.leaf("No case open: File > Open Demo Case")) : List.of(CaseTree.of(c)));
        viewer.expandToLevel(3);
    }

    /** The labels of the top-level children of the shown case, for tests. */
    public List<String> sections() {
        Object input = viewer.getInput();
        if (input instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof CaseTree t) {
            return t.children().stream().map(ch -> ch.label() + ":" + ch.children().size()).toList();
        }
        return List.of();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        TwinPrintSession.get().removeListener(listener);
        super.dispose();
    }
}
