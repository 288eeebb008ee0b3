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
import org.twinprint.meshing.core.MeshFormat;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/** File > Export Model: every mesh of the case into one STL, OBJ, PLY or 3MF file, as a Job. */
public final class ExportModelHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        Shell shell = HandlerUtil.getActiveShell(event);
        Case c = TwinPrintSession.get().currentCase();
        if (c == null || c.meshes().isEmpty()) {
            MessageDialog.openInformation(shell, "Export Model", "Make a model first (Segments > Make model).");
            return null;
        }
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(new String[] { "*.3mf", "*.stl", "*.obj", "*.ply" });
        dialog.setFileName(c.name().replaceAll("[^A-Za-z0-9]+", "-") + ".3mf");
        dialog.setOverwrite(true);
        String file = dialog.open();
        if (file != null) {
            Path target = Path.of(file);
            CaseOperations operations = TwinPrintSession.get().operations();
            Exporter exporter = operations.catalog().require(ServiceKind.EXPORTER, Exporter.class,
                    "export." + MeshFormat.of(target).extension());
            new CaseJob("Export " + target.getFileName(),
                    progress -> operations.export(c, exporter, target, Map.of(), progress)).schedule();
        }
        return null;
    }
}
