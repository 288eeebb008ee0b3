package org.twinprint.core.service;

/**
 * A service of a plugin failed while it ran. The message names the service, the plugin and its
 * version, so users know whom to ask, and the case is left as it was before the call.
 */
public final class ServiceFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private final String pluginId;

    public ServiceFailure(ServiceEntry entry, String serviceId, Throwable cause) {
        super(describe(entry, serviceId, cause), cause);
        this.pluginId = entry == null ? "unregistered" : entry.pluginId();
    }

    public String pluginId() {
        return pluginId;
    }

    private static String describe(ServiceEntry entry, String serviceId, Throwable cause) {
        String who = entry == null ? "an unregistered plugin"
                : "plugin " + entry.pluginId() + " " + entry.pluginVersion();
        String what = entry == null ? "service" : entry.kind().label();
        String why = cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage();
        return what + " '" + serviceId + "' of " + who + " failed: " + why;
    }
}
