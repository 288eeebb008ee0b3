package org.twinprint.examples.broken;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.part.ViewPart;

/** A view that throws while it builds its controls. */
public final class BrokenView extends ViewPart {

    @Override
    public void createPartControl(Composite parent) {
        throw new IllegalStateException("view cannot draw (deliberately broken test plugin)");
    }

    @Override
    public void setFocus() {
        // never reached
    }
}
