package org.twinprint.cli;

import java.io.PrintStream;
import java.util.List;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.PluginProblem;
import org.twinprint.core.service.ServiceCatalog;

/**
 * Equinox entry point of the command line: waits for the service catalog, then hands the
 * arguments to {@link Commands}. Standard output carries results; progress and errors go to stderr.
 */
public final class CliApplication implements IApplication {

    /** PixelMed's own messages (one per damaged element, with stack traces) go to a log file, not the console. */
    private static final java.util.logging.Logger PIXELMED = java.util.logging.Logger.getLogger("com.pixelmed");

    private static void logToolkitsToFile() {
        PIXELMED.setUseParentHandlers(false);
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(
                    System.getProperty("user.home"), ".cache", "twinprint"));
            java.util.logging.FileHandler file = new java.util.logging.FileHandler(dir.resolve("twinprint-%g.log")
                    .toString(), 1 << 20, 2, true);
            file.setFormatter(new java.util.logging.SimpleFormatter());
            PIXELMED.addHandler(file);
        } catch (java.io.IOException | RuntimeException e) {
            PIXELMED.setLevel(java.util.logging.Level.OFF); // no log file: the one-line reasons still reach the user
        }
    }

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        logToolkitsToFile();
        org.twinprint.core.files.PrivateTemp.removeStaleInBackground(); // what a killed run left
        ServiceCatalog catalog = awaitCatalog();
        Commands commands = new Commands(new CaseOperations(catalog), System.out, System.err);
        int code = commands.run(List.of(args == null ? new String[0] : args));
        System.out.flush();
        return code;
    }

    @Override
    public void stop() {
        // commands finish on their own; nothing to interrupt
    }

    private static ServiceCatalog awaitCatalog() throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(CliApplication.class);
        BundleContext context = bundle.getBundleContext();
        ServiceTracker<ServiceCatalog, ServiceCatalog> tracker = new ServiceTracker<>(context, ServiceCatalog.class,
                null);
        tracker.open();
        ServiceCatalog catalog = tracker.waitForService(30_000);
        if (catalog == null) {
            PrintStream err = System.err;
            err.println("twinprint: the service catalog did not start (is org.apache.felix.scr running?)");
            throw new IllegalStateException("no service catalog");
        }
        // services of lazily started bundles register as those bundles are activated
        for (Bundle b : context.getBundles()) {
            if (b.getSymbolicName() != null && b.getSymbolicName().startsWith("org.twinprint")
                    && b.getHeaders().get("Fragment-Host") == null && b.getState() != Bundle.ACTIVE) {
                try {
                    b.start(Bundle.START_ACTIVATION_POLICY);
                } catch (Exception e) {
                    Throwable cause = e.getCause() == null ? e : e.getCause();
                    catalog.reportProblem(new PluginProblem(b.getSymbolicName(), "did not start",
                            String.valueOf(cause.getMessage())));
                }
            }
        }
        return catalog;
    }
}
