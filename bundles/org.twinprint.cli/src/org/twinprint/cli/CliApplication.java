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

    /**
     * Sends what libraries print to the process's standard error (PixelMed prints a message and a
     * stack trace for each damaged element it meets) to {@code ~/.cache/twinprint/twinprint.log},
     * and returns the console, where the command line's own one-line messages go. The log is
     * started afresh when it passes 4 MB (the previous one kept as twinprint.log.1).
     */
    static PrintStream librariesToLog() {
        PrintStream console = System.err;
        try {
            java.nio.file.Path dir = java.nio.file.Files.createDirectories(java.nio.file.Path.of(
                    System.getProperty("user.home"), ".cache", "twinprint"));
            java.nio.file.Path log = dir.resolve("twinprint.log");
            if (java.nio.file.Files.exists(log) && java.nio.file.Files.size(log) > 4 << 20) {
                java.nio.file.Files.move(log, dir.resolve("twinprint.log.1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            System.setErr(new PrintStream(java.nio.file.Files.newOutputStream(log,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true,
                    java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | RuntimeException e) {
            // no log file: the libraries keep the console
        }
        return console;
    }

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        context.applicationRunning();
        PrintStream console = librariesToLog();
        org.twinprint.core.files.PrivateTemp.removeStaleInBackground(); // what a killed run left
        ServiceCatalog catalog = awaitCatalog(console);
        Commands commands = new Commands(new CaseOperations(catalog), System.out, console);
        int code = commands.run(List.of(args == null ? new String[0] : args));
        System.out.flush();
        return code;
    }

    @Override
    public void stop() {
        // commands finish on their own; nothing to interrupt
    }

    private static ServiceCatalog awaitCatalog(PrintStream err) throws InterruptedException {
        Bundle bundle = FrameworkUtil.getBundle(CliApplication.class);
        BundleContext context = bundle.getBundleContext();
        ServiceTracker<ServiceCatalog, ServiceCatalog> tracker = new ServiceTracker<>(context, ServiceCatalog.class,
                null);
        tracker.open();
        ServiceCatalog catalog = tracker.waitForService(30_000);
        if (catalog == null) {
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
