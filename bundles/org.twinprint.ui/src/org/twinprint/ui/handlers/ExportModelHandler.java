package org.twinprint.ui.handlers;

import java.nio.file.Path;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.core.model.Case;
import org.twinprint.meshing.core.MeshFormat;
import org.twinprint.ui.TwinPrintSession;

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
        Path target = SaveDialogs.ask(shell, SaveDialogs.caseFileName(c, ".3mf"), "*.3mf", "*.stl", "*.obj", "*.ply", "*.glb");
        if (target != null) {
            SaveDialogs.exportInJob(c, "export." + MeshFormat.of(target).extension(), target);
        }
        return null;
    }
}
