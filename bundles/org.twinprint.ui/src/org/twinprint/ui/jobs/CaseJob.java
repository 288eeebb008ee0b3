package org.twinprint.ui.jobs;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.twinprint.core.spi.CanceledException;
import org.twinprint.core.spi.Progress;

/**
 * Runs long case work in the background with progress and Cancel. A failure becomes an error
 * status (shown and logged by the workbench), never an exception that reaches the UI thread.
 */
public final class CaseJob extends Job {

    /** The work: a GUI-free call that reports to a {@link Progress}. */
    @FunctionalInterface
    public interface Work {
        void run(Progress progress) throws Exception;
    }

    /** Every case job belongs to this family, so callers can wait for all of them. */
    public static final Object FAMILY = CaseJob.class;

    private static final String PLUGIN = "org.twinprint.ui";
    private final Work work;

    public CaseJob(String name, Work work) {
        super(name);
        this.work = work;
        setUser(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            work.run(new MonitorProgress(monitor, getName()));
            return Status.OK_STATUS;
        } catch (CanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (Exception | LinkageError e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new Status(IStatus.ERROR, PLUGIN, getName() + " failed: " + message, e);
        } finally {
            monitor.done();
        }
    }
}
