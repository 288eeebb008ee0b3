package org.twinprint.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.ui.TwinPrintSession;

/** File > New Case: closes the open case (asking about unsaved changes) and starts empty. */
public final class NewCaseHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (CaseFiles.mayClose(HandlerUtil.getActiveShell(event))) {
            TwinPrintSession.get().open(null);
            org.twinprint.ui.Autosave.discard();
        }
        return null;
    }
}
