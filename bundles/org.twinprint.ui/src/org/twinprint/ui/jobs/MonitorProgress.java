package org.twinprint.ui.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.twinprint.core.spi.Progress;

/** Lets a GUI-free service report to an Eclipse progress monitor and see its Cancel button. */
public final class MonitorProgress implements Progress {

    private final SubMonitor root;
    private SubMonitor task;

    public MonitorProgress(IProgressMonitor monitor, String name) {
        root = SubMonitor.convert(monitor, name, 100);
    }

    @Override
    public synchronized void begin(String name, int totalWork) {
        root.subTask(name);
        // each task the service begins gets a slice of what is left
        task = root.split(10).setWorkRemaining(totalWork);
    }

    @Override
    public synchronized void worked(int work) {
        if (task != null) {
            task.worked(work);
        }
    }

    @Override
    public void subTask(String name) {
        root.subTask(name);
    }

    @Override
    public boolean isCanceled() {
        return root.isCanceled();
    }
}
