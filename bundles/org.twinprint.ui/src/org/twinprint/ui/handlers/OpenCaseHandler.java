package org.twinprint.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;

/** File > Open Case: a saved case, after asking about unsaved changes of the open one. */
public final class OpenCaseHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        if (!CaseFiles.mayClose(shell)) {
            return null;
        }
        Path file = CaseFiles.askToOpen(shell);
        if (file != null) {
            CaseFiles.open(file);
        }
        return null;
    }
}
