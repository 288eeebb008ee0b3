package org.twinprint.core.service;

import org.twinprint.core.spi.TwinPrintService;

/** A registered service with the plugin (bundle symbolic name and version) that contributed it. */
public record ServiceEntry(TwinPrintService service, ServiceKind kind, String pluginId, String pluginVersion) {
}
