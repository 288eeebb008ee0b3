package org.twinprint.ui.handlers;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.demo.DemoCase;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.jobs.CaseJob;

/** File > Open Demo Case: loads the shipped CT head phantom, segments its skull and models it, as a Job. */
public final class OpenDemoHandler extends AbstractHandler {

    @Override
    public Object execute(ExecutionEvent event) {
        if (CaseFiles.mayClose(org.eclipse.ui.handlers.HandlerUtil.getActiveShell(event))) {
            schedule();
        }
        return null;
    }

    /** Schedules the demo job and returns it, so callers (and tests) can wait for it. */
    public static CaseJob schedule() {
        CaseJob job = new CaseJob("Open demo case", progress -> {
            CaseOperations operations = TwinPrintSession.get().operations();
            Case c = DemoCase.load(operations, progress);
            TwinPrintSession.get().open(c);
            DemoCase.segmentSkull(c, operations, progress);
            DemoCase.buildSkullModel(c, operations, progress);
        });
        job.schedule();
        return job;
    }
}
