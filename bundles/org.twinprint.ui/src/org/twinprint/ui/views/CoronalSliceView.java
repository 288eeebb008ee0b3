package org.twinprint.ui.views;

import org.twinprint.core.model.SlicePlane;

/** The coronal plane of the open case, linked to the others by the shared crosshair and window. */
public final class CoronalSliceView extends SliceView {

    public static final String ID = "org.twinprint.ui.views.slices.coronal";

    public CoronalSliceView() {
        super(SlicePlane.CORONAL);
    }
}
