package org.twinprint.casefile.core.internal;

import java.nio.file.Path;

import org.twinprint.core.spi.Progress;

/**
 * A child process for the tests: {@code digests FILE} opens a case file and prints its digests;
 * {@code save-forever FILE SIDE} saves made cases to FILE, one after another, until it is killed.
 */
public final class CaseFileProbe {

    private CaseFileProbe() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[1]);
        CaseFileStore store = new CaseFileStore();
        if (args[0].equals("digests")) {
            System.out.print(Cases.digests(store.open(file, Progress.NONE)));
            return;
        }
        int side = Integer.parseInt(args[2]);
        for (long n = 1;; n++) {
            store.save(Cases.made("saved " + n, side, n), file, Progress.NONE);
            System.out.println("saved " + n);
        }
    }
}
