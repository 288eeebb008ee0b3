package org.twinprint.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintSession;

/** Edit > Undo: takes back the last segment edit of the open case. */
public final class UndoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Case c = TwinPrintSession.get().currentCase();
        if (c != null) {
            TwinPrintSession.get().operations().undo(c);
        }
        return null;
    }
}
