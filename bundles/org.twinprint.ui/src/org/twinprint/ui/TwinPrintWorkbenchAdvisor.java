package org.twinprint.ui;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.swt.graphics.Point;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.application.IWorkbenchConfigurer;
import org.eclipse.ui.application.IWorkbenchWindowConfigurer;
import org.eclipse.ui.application.WorkbenchAdvisor;
import org.eclipse.ui.application.WorkbenchWindowAdvisor;
import org.twinprint.ui.handlers.OpenDemoHandler;

/** Opens every window in the TwinPrint perspective, with status line and progress area, on the demo case. */
public final class TwinPrintWorkbenchAdvisor extends WorkbenchAdvisor {

    @Override
    public void initialize(IWorkbenchConfigurer configurer) {
        configurer.setSaveAndRestore(false);
    }

    /** The workbench opens on the demo case unless started with -Dtwinprint.nodemo=true. */
    @Override
    public void postStartup() {
        PluginProblems.logAll(TwinPrintSession.get().operations().catalog());
        String menuReport = System.getProperty("twinprint.menuReport");
        if (menuReport != null) {
            IWorkbench workbench = getWorkbenchConfigurer().getWorkbench();
            workbench.getDisplay().asyncExec(() -> {
                try {
                    MenuReport.write(workbench.getActiveWorkbenchWindow().getShell(), Path.of(menuReport));
                } catch (IOException e) {
                    ILog.of(getClass()).error(menuReport + ": cannot write the menu report", e);
                }
                workbench.close();
            });
            return;
        }
        if (!offerAutosave() && !Boolean.getBoolean("twinprint.nodemo")) {
            OpenDemoHandler.schedule();
        }
        Autosave.start();
    }

    /**
     * An autosave at start-up is what a crash left: the user may have it back (or, with
     * -Dtwinprint.autosave.restore=yes|no, the choice is made without asking). True if restored.
     */
    private boolean offerAutosave() {
        var pending = Autosave.pending();
        if (pending.isEmpty()) {
            return false;
        }
        String choice = System.getProperty("twinprint.autosave.restore", "ask");
        boolean restore = choice.equals("ask") ? org.eclipse.jface.dialogs.MessageDialog.openQuestion(null,
                "Restore unsaved work", "TwinPrint did not close normally. Restore the unsaved work on the case '"
                        + pending.get().caseName() + "', saved automatically at "
                        + java.time.format.DateTimeFormatter.ofPattern("HH:mm, d MMM yyyy")
                                .withZone(java.time.ZoneId.systemDefault()).format(pending.get().time())
                        + "?")
                : choice.equals("yes");
        if (!restore) {
            Autosave.discard();
            return false;
        }
        new org.twinprint.ui.jobs.CaseJob("Restore unsaved work", progress -> Autosave.restore(pending.get()))
                .schedule();
        return true;
    }

    /** A normal exit: nothing to recover next time. */
    @Override
    public void postShutdown() {
        Autosave.stop();
        Autosave.discard();
    }

    @Override
    public String getInitialWindowPerspectiveId() {
        return TwinPrintPerspective.ID;
    }

    @Override
    public WorkbenchWindowAdvisor createWorkbenchWindowAdvisor(IWorkbenchWindowConfigurer configurer) {
        return new WorkbenchWindowAdvisor(configurer) {
            @Override
            public void preWindowOpen() {
                IWorkbenchWindowConfigurer c = getWindowConfigurer();
                c.setInitialSize(new Point(1400, 900));
                c.setShowStatusLine(true);
                c.setShowProgressIndicator(true);
                c.setShowCoolBar(false);
                c.setTitle("TwinPrint");
            }

            @Override
            public void postWindowOpen() {
                // the title names the case and its file, with a star while changes are unsaved
                org.eclipse.swt.widgets.Shell shell = getWindowConfigurer().getWindow().getShell();
                TwinPrintSession.get().addListener(changed -> shell.getDisplay().asyncExec(() -> {
                    if (!shell.isDisposed()) {
                        shell.setText(TwinPrintSession.get().title());
                    }
                }));
            }
        };
    }

    /** Closing the workbench with unsaved changes asks first. */
    @Override
    public boolean preShutdown() {
        var window = getWorkbenchConfigurer().getWorkbench().getActiveWorkbenchWindow();
        return window == null || org.twinprint.ui.handlers.CaseFiles.mayClose(window.getShell());
    }
}
