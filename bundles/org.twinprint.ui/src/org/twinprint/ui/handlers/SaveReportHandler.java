package org.twinprint.ui.handlers;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.core.model.Case;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.report.CaseReport;
import org.twinprint.core.report.Json;
import org.twinprint.ui.TwinPrintSession;

/** File > Save Case Report: the same JSON report as the command line writes, saved atomically. */
public final class SaveReportHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Case c = TwinPrintSession.get().currentCase();
        if (c == null) {
            MessageDialog.openInformation(shell, "Save Case Report", "Open a case first.");
            return null;
        }
        Path file = SaveDialogs.ask(shell, "report.json", "*.json");
        if (file != null) {
            try {
                AtomicFiles.writeString(file, Json.write(CaseReport.of(c)));
            } catch (IOException e) {
                MessageDialog.openError(shell, "Save Case Report", file + ": " + e.getMessage());
            }
        }
        return null;
    }
}
