package org.twinprint.cli;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** An OSGi service, waited for a while: services of lazily started bundles appear as they start. */
final class OsgiLookup {

    private static final long WAIT_MS = 30_000;

    private OsgiLookup() {
    }

    /** The service, or null when none appears in time (or outside OSGi). */
    static <T> T await(Class<T> type, Class<?> from) {
        Bundle bundle = FrameworkUtil.getBundle(from);
        if (bundle == null || bundle.getBundleContext() == null) {
            return null;
        }
        ServiceTracker<T, T> tracker = new ServiceTracker<>(bundle.getBundleContext(), type, null);
        tracker.open(); // left open: the service stays got while the command uses it
        try {
            return tracker.waitForService(WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
