package org.twinprint.testing;

import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/** Waits for an OSGi service the way a test needs it: present, or a clear failure. */
public final class OsgiServices {

    private OsgiServices() {
    }

    public static <T> T await(Class<T> type) {
        Bundle bundle = FrameworkUtil.getBundle(OsgiServices.class);
        if (bundle == null) {
            throw new IllegalStateException("not running inside OSGi");
        }
        BundleContext context = bundle.getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(context, type, null);
        tracker.open();
        try {
            T service = tracker.waitForService(TimeUnit.SECONDS.toMillis(20));
            if (service == null) {
                throw new IllegalStateException("no " + type.getName() + " service appeared within 20 s");
            }
            return service;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
