package org.twinprint.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintSession;

/** File > Export Segments as DICOM SEG: the case's segments on the grid of its DICOM series, as a Job. */
public final class ExportSegHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Case c = TwinPrintSession.get().currentCase();
        if (c == null || c.labelMap() == null || c.labelMap().segments().isEmpty()) {
            MessageDialog.openInformation(shell, "Export DICOM SEG", "The case has no segments yet.");
            return null;
        }
        Path target = SaveDialogs.ask(shell, SaveDialogs.caseFileName(c, "-seg.dcm"), "*.dcm");
        if (target != null) {
            SaveDialogs.exportInJob(c, "export.dicom-seg", target);
        }
        return null;
    }
}
