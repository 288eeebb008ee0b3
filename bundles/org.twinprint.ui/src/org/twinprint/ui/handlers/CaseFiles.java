package org.twinprint.ui.handlers;

import java.nio.file.Path;
import java.time.LocalDate;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Shell;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseStore;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/** What File > Open Case, Save Case and Save Case As share: the jobs, the dialogs, the question. */
public final class CaseFiles {

    private static final String FILTER = "*" + CaseStore.EXTENSION;

    private CaseFiles() {
    }

    /** Opens a case file as the workbench's case, as a Job (returned, for tests). */
    public static CaseJob open(Path file) {
        CaseJob job = new CaseJob("Open " + file.getFileName(), progress -> {
            Case c = TwinPrintSession.get().caseStore().open(file, progress);
            TwinPrintSession.get().open(c, file);
            org.twinprint.ui.Autosave.discard(); // the user let the old case's changes go
            RecentCases.remember(file);
        });
        job.schedule();
        return job;
    }

    /** Saves the open case to {@code file}, as a Job (returned, for tests); null with no case open. */
    public static CaseJob save(Path file) {
        TwinPrintSession session = TwinPrintSession.get();
        Case c = session.currentCase();
        if (c == null) {
            return null;
        }
        CaseJob job = new CaseJob("Save " + file.getFileName(), progress -> {
            session.caseStore().save(c, file, progress);
            session.saved(c, file);
            org.twinprint.ui.Autosave.discard(); // the work is in its file now
            RecentCases.remember(file);
        });
        job.schedule();
        return job;
    }

    /** The case file the user chose to open; null if cancelled. */
    static Path askToOpen(Shell shell) {
        FileDialog dialog = new FileDialog(shell, SWT.OPEN);
        dialog.setText("Open Case");
        dialog.setFilterExtensions(new String[] { FILTER });
        String chosen = dialog.open();
        return chosen == null ? null : Path.of(chosen);
    }

    /**
     * Where to save the case: the user's choice, which always ends {@code .twinprint}. The name
     * offered is the date, never the case's name: that may be the patient's.
     */
    static Path askToSave(Shell shell) {
        Path chosen = SaveDialogs.ask(shell, "case-" + LocalDate.now() + CaseStore.EXTENSION, FILTER);
        if (chosen == null || chosen.getFileName().toString().endsWith(CaseStore.EXTENSION)) {
            return chosen;
        }
        return chosen.resolveSibling(chosen.getFileName() + CaseStore.EXTENSION);
    }

    /**
     * May the open case be closed? Yes when nothing is unsaved, or when the user says its changes
     * may go (set -Dtwinprint.askBeforeDiscard=false to never ask, as the UI tests do).
     */
    public static boolean mayClose(Shell shell) {
        TwinPrintSession session = TwinPrintSession.get();
        if (!session.unsaved() || !Boolean.parseBoolean(System.getProperty("twinprint.askBeforeDiscard", "true"))) {
            return true;
        }
        return MessageDialog.openQuestion(shell, "Unsaved changes", "The case '" + session.currentCase().name()
                + "' has changes that are not saved. Close it anyway, and lose them?");
    }
}
