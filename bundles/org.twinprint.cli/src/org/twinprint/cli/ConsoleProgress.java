package org.twinprint.cli;

import java.io.PrintStream;

import org.twinprint.core.spi.Progress;

/** Prints progress to stderr, one line per task and at most one line per quarter of it. */
final class ConsoleProgress implements Progress {

    private final PrintStream err;
    private String task = "";
    private int total;
    private int done;
    private int lastQuarter = -1;

    ConsoleProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void begin(String name, int totalWork) {
        task = name;
        total = Math.max(1, totalWork);
        done = 0;
        lastQuarter = -1;
        err.println("[twinprint] " + name);
    }

    @Override
    public synchronized void worked(int work) {
        done += work;
        int quarter = Math.min(4, done * 4 / total);
        if (quarter > lastQuarter && quarter > 0) {
            lastQuarter = quarter;
            err.println("[twinprint]   " + quarter * 25 + " %");
        }
    }

    @Override
    public void subTask(String name) {
        err.println("[twinprint]   " + name);
    }

    @Override
    public boolean isCanceled() {
        return false;
    }
}
