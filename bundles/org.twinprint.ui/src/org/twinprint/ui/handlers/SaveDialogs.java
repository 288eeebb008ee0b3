package org.twinprint.ui.handlers;

import java.nio.file.Path;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.Exporter;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/** What the File > Save and Export handlers share: where to write, and the export run as a Job. */
public final class SaveDialogs {

    private SaveDialogs() {
    }

    /** The file the user chose in a save dialog that asks before overwriting; null if cancelled. */
    public static Path ask(Shell shell, String fileName, String... extensions) {
        FileDialog dialog = new FileDialog(shell, SWT.SAVE);
        dialog.setFilterExtensions(extensions);
        dialog.setFileName(fileName);
        dialog.setOverwrite(true);
        String file = dialog.open();
        return file == null ? null : Path.of(file);
    }

    /** A file name from the case's name, safe on every file system, ending in suffix. */
    static String caseFileName(Case c, String suffix) {
        return c.name().replaceAll("[^A-Za-z0-9]+", "-") + suffix;
    }

    /** Writes the case with the exporter of that id, as a Job with progress and cancel. */
    static void exportInJob(Case c, String exporterId, Path target) {
        CaseOperations operations = TwinPrintSession.get().operations();
        Exporter exporter = operations.catalog().require(ServiceKind.EXPORTER, Exporter.class, exporterId);
        new CaseJob("Export " + target.getFileName(),
                progress -> operations.export(c, exporter, target, Map.of(), progress)).schedule();
    }
}
