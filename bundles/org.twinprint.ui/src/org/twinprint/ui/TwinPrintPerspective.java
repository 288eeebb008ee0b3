package org.twinprint.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/** Case on the left, slices in the middle, tools on the right, progress and log below. */
public final class TwinPrintPerspective implements IPerspectiveFactory {

    public static final String ID = "org.twinprint.ui.perspective";
    public static final String CASE_VIEW = "org.twinprint.ui.views.cases";
    public static final String SLICE_VIEW = "org.twinprint.ui.views.slices";
    public static final String TOOLS_VIEW = "org.twinprint.ui.views.tools";
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    public static final String LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        layout.addView(CASE_VIEW, IPageLayout.LEFT, 0.2f, editor);
        layout.addView(TOOLS_VIEW, IPageLayout.RIGHT, 0.75f, editor);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.75f, editor);
        bottom.addView(PROGRESS_VIEW);
        bottom.addView(LOG_VIEW);
        layout.addView(SLICE_VIEW, IPageLayout.TOP, 0.5f, editor);
        layout.getViewLayout(SLICE_VIEW).setCloseable(false);
    }
}
