package org.twinprint.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintSession;

/** Edit > Redo: does again the last segment edit taken back. */
public final class RedoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Case c = TwinPrintSession.get().currentCase();
        if (c != null) {
            TwinPrintSession.get().operations().redo(c);
        }
        return null;
    }
}
