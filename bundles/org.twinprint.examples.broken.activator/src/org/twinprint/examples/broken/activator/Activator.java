package org.twinprint.examples.broken.activator;

import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;

/** Throws as the framework starts the bundle. */
public final class Activator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        throw new IllegalStateException("licence server unreachable (deliberately broken test plugin)");
    }

    @Override
    public void stop(BundleContext context) {
        // never started
    }
}
