package org.twinprint.ui.handlers;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.ui.handlers.HandlerUtil;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/** File > Import DICOM Folder: loads every series of a folder into a new case, as a Job. */
public final class ImportDicomHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (!CaseFiles.mayClose(HandlerUtil.getActiveShell(event))) {
            return null;
        }
        DirectoryDialog dialog = new DirectoryDialog(HandlerUtil.getActiveShell(event));
        dialog.setText("Import DICOM folder");
        String dir = dialog.open();
        if (dir != null) {
            Path path = Path.of(dir);
            new CaseJob("Import " + path.getFileName(), progress -> {
                Case c = new Case(path.getFileName().toString());
                ImportResult result = TwinPrintSession.get().operations().importInto(c, path, Map.of(), progress);
                if (result.series().isEmpty()) {
                    throw new java.io.IOException(path + ": no image series found");
                }
                TwinPrintSession.get().open(c);
                if (!result.problems().isEmpty()) {
                    throw new java.io.IOException(result.problems().size() + " file(s) skipped, first: "
                            + result.problems().get(0));
                }
            }).schedule();
        }
        return null;
    }
}
