package org.twinprint.ui.handlers;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

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
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.dcm" });
        dialog.setFileName(c.name().replaceAll("[^A-Za-z0-9]+", "-") + "-seg.dcm");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            Path target = Path.of(file);
            CaseOperations operations = TwinPrintSession.get().operations();
            Exporter exporter = operations.catalog().require(ServiceKind.EXPORTER, Exporter.class, "export.dicom-seg");
            new CaseJob("Export " + target.getFileName(),
                    progress -> operations.export(c, exporter, target, Map.of(), progress)).schedule();
        }
        return null;
    }
}
