package org.twinprint.core.service;

/** A plugin that could not start or whose services could not be created, and why. */
public record PluginProblem(String pluginId, String what, String message) {

    @Override
    public String toString() {
        return "plugin " + pluginId + ": " + what + ": " + message;
    }
}
