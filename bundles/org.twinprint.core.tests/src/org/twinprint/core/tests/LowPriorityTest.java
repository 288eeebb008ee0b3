package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.twinprint.core.util.LowPriority;

class LowPriorityTest {

    @Test
    void onlyTheCallingThreadDropsToNiceNineteen() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").startsWith("Linux"), "nice values per thread: Linux");
        int before = niceOfThisThread();
        int[] seen = new int[2];
        boolean[] lowered = new boolean[1];
        Thread t = new Thread(() -> {
            try {
                seen[0] = niceOfThisThread();
                lowered[0] = LowPriority.lowerCurrentThread();
                seen[1] = niceOfThisThread();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        assertTrue(lowered[0], "setpriority through the foreign function interface");
        assertEquals(before, seen[0], "a new thread starts at its creator's priority");
        assertEquals(19, seen[1]);
        assertEquals(before, niceOfThisThread(), "the caller's own thread is left as it was");
    }

    /** Field 19 of /proc/thread-self/stat; the fields after the command name in brackets start at 3. */
    private static int niceOfThisThread() throws IOException {
        String stat = Files.readString(Path.of("/proc/thread-self/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[19 - 3]);
    }
}
