package org.twinprint.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.ui.TwinPrintSession;

/** File > Save Case (to its file, or asking where) and Save Case As (always asking). */
public final class SaveCaseHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        TwinPrintSession session = TwinPrintSession.get();
        if (session.currentCase() == null) {
            MessageDialog.openInformation(shell, "Save Case", "Open a case first.");
            return null;
        }
        boolean as = "org.twinprint.ui.saveCaseAs".equals(event.getCommand().getId());
        Path file = as || session.file() == null ? CaseFiles.askToSave(shell) : session.file();
        if (file != null) {
            CaseFiles.save(file);
        }
        return null;
    }
}
