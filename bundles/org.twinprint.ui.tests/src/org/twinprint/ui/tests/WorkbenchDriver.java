package org.twinprint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.HashSet;
import java.util.Set;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.twinprint.ui.jobs.CaseJob;

/** What the workbench tests do as a user would: wait for jobs, let the UI run, look at pixels. */
final class WorkbenchDriver {

    private WorkbenchDriver() {
    }

    static IWorkbenchPage page() {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        assertNotNull(window, "the workbench has a window");
        return window.getActivePage();
    }

    static void joinCaseJobs() {
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 120_000;
        while (Job.getJobManager().find(CaseJob.FAMILY).length > 0 && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { }); // wake up even when no UI event comes
                display.sleep();
            }
        }
        spin(200);
        assertEquals(0, Job.getJobManager().find(CaseJob.FAMILY).length, "case jobs still running after 2 minutes");
    }

    static IStatus waitFor(Job job) {
        assertNotNull(job);
        Display display = Display.getCurrent();
        long deadline = System.currentTimeMillis() + 120_000;
        while (job.getResult() == null && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                display.timerExec(50, () -> { }); // wake up even when no UI event comes
                display.sleep();
            }
        }
        spin(200);
        assertNotNull(job.getResult(), job.getName() + " did not finish within 2 minutes");
        return job.getResult();
    }

    static void spin(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // drain pending UI work
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    static int distinctColours(ImageData data) {
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < data.height; y += 3) {
            for (int x = 0; x < data.width; x += 3) {
                colours.add(data.getPixel(x, y));
            }
        }
        return colours.size();
    }

    static org.twinprint.core.model.Markup.Point point(String label, double x, double y, double z) {
        return new org.twinprint.core.model.Markup.Point(label, new org.twinprint.core.model.Vec3(x, y, z));
    }
}
