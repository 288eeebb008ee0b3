package org.twinprint.ui.views;

import org.twinprint.core.model.SlicePlane;

/** The sagittal plane of the open case, linked to the others by the shared crosshair and window. */
public final class SagittalSliceView extends SliceView {

    public static final String ID = "org.twinprint.ui.views.slices.sagittal";

    public SagittalSliceView() {
        super(SlicePlane.SAGITTAL);
    }
}
