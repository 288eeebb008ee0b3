package org.twinprint.ui;

import org.eclipse.ui.IFolderLayout;
import org.eclipse.ui.IPageLayout;
import org.eclipse.ui.IPerspectiveFactory;

/**
 * Studies, segments and case on the left; axial, coronal, sagittal and 3D in a square in the
 * middle; tools and markups on the right; progress and log below.
 */
public final class TwinPrintPerspective implements IPerspectiveFactory {

    public static final String ID = "org.twinprint.ui.perspective";
    public static final String CASE_VIEW = "org.twinprint.ui.views.cases";
    public static final String SLICE_VIEW = "org.twinprint.ui.views.slices";
    public static final String CORONAL_VIEW = "org.twinprint.ui.views.slices.coronal";
    public static final String SAGITTAL_VIEW = "org.twinprint.ui.views.slices.sagittal";
    public static final String STUDIES_VIEW = "org.twinprint.ui.views.studies";
    public static final String TOOLS_VIEW = "org.twinprint.ui.views.tools";
    public static final String SEGMENTS_VIEW = "org.twinprint.ui.views.segments";
    public static final String MODEL_VIEW = "org.twinprint.ui.views.model";
    public static final String MARKUPS_VIEW = "org.twinprint.ui.views.markups";
    public static final String PROGRESS_VIEW = "org.eclipse.ui.views.ProgressView";
    public static final String LOG_VIEW = "org.eclipse.pde.runtime.LogView";

    @Override
    public void createInitialLayout(IPageLayout layout) {
        layout.setEditorAreaVisible(false);
        String editor = layout.getEditorArea();
        IFolderLayout left = layout.createFolder("left", IPageLayout.LEFT, 0.2f, editor);
        left.addView(STUDIES_VIEW);
        left.addView(SEGMENTS_VIEW);
        left.addView(CASE_VIEW);
        IFolderLayout right = layout.createFolder("right", IPageLayout.RIGHT, 0.78f, editor);
        right.addView(TOOLS_VIEW);
        right.addView(MARKUPS_VIEW);
        IFolderLayout bottom = layout.createFolder("bottom", IPageLayout.BOTTOM, 0.75f, editor);
        bottom.addView(PROGRESS_VIEW);
        bottom.addView(LOG_VIEW);
        bottom.addView(org.twinprint.ui.views.PredictionView.ID);
        bottom.addView(org.twinprint.ui.views.ImplantView.ID);
        bottom.addView(org.twinprint.ui.views.ExplanationView.ID);
        layout.addView(SLICE_VIEW, IPageLayout.TOP, 0.5f, editor);
        layout.addView(CORONAL_VIEW, IPageLayout.RIGHT, 0.5f, SLICE_VIEW);
        layout.addView(SAGITTAL_VIEW, IPageLayout.BOTTOM, 0.5f, SLICE_VIEW);
        layout.addView(MODEL_VIEW, IPageLayout.BOTTOM, 0.5f, CORONAL_VIEW);
        layout.getViewLayout(SLICE_VIEW).setCloseable(false);
    }
}
