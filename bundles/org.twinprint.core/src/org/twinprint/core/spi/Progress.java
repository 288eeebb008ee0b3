package org.twinprint.core.spi;

/**
 * Progress and cancellation for long work, free of any UI: the workbench adapts an Eclipse
 * progress monitor to it, the command line prints it to stderr.
 */
public interface Progress {

    /** A progress that reports nowhere and is never cancelled. */
    Progress NONE = new Progress() {
        @Override
        public void begin(String task, int totalWork) {
        }

        @Override
        public void worked(int work) {
        }

        @Override
        public boolean isCanceled() {
            return false;
        }
    };

    void begin(String task, int totalWork);

    void worked(int work);

    boolean isCanceled();

    default void subTask(String name) {
    }

    /** Throws {@link CanceledException} when the user asked to stop; long loops call it often. */
    default void checkCanceled() {
        if (isCanceled()) {
            throw new CanceledException();
        }
    }
}
