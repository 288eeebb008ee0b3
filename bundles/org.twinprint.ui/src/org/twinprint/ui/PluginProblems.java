package org.twinprint.ui;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.twinprint.core.service.PluginProblem;
import org.twinprint.core.service.ServiceCatalog;

/** Puts every plugin that failed to start into the Error Log, by name; the workbench carries on. */
public final class PluginProblems {

    private PluginProblems() {
    }

    public static void logAll(ServiceCatalog catalog) {
        ILog log = ILog.of(PluginProblems.class);
        for (PluginProblem p : catalog.problems()) {
            log.log(new Status(IStatus.ERROR, p.pluginId(), "TwinPrint plugin " + p.pluginId() + " " + p.what()
                    + ": " + p.message()));
        }
    }
}
