package org.twinprint.core.service;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.twinprint.core.spi.TwinPrintService;

/**
 * Every TwinPrint service currently available, built in or from lab plugins. In the product it is
 * filled by Declarative Services as bundles come and go; tests and tools may fill it by hand.
 */
public class ServiceCatalog {

    private final List<ServiceEntry> entries = new CopyOnWriteArrayList<>();
    private final List<PluginProblem> problems = new CopyOnWriteArrayList<>();

    /** Registers a service under each extension point it implements. */
    public void add(TwinPrintService service, String pluginId, String pluginVersion) {
        for (ServiceKind kind : ServiceKind.values()) {
            if (kind.type().isInstance(service)) {
                entries.add(new ServiceEntry(service, kind, pluginId, pluginVersion));
            }
        }
    }

    public void remove(TwinPrintService service) {
        entries.removeIf(e -> e.service() == service);
    }

    /** All entries, sorted by kind and id, so listings are stable. */
    public List<ServiceEntry> entries() {
        return entries.stream()
                .sorted(Comparator.comparing(ServiceEntry::kind).thenComparing(e -> e.service().id()))
                .toList();
    }

    public <T extends TwinPrintService> List<T> services(Class<T> type) {
        return entries().stream().map(ServiceEntry::service).filter(type::isInstance).map(type::cast).distinct()
                .toList();
    }

    public Optional<ServiceEntry> find(ServiceKind kind, String id) {
        return entries().stream().filter(e -> e.kind() == kind && e.service().id().equals(id)).findFirst();
    }

    public <T extends TwinPrintService> T require(ServiceKind kind, Class<T> type, String id) {
        return find(kind, id).map(e -> type.cast(e.service()))
                .orElseThrow(() -> new org.twinprint.core.spi.BadParameterException("no " + kind.label() + " with id '" + id
                        + "'; available: " + String.join(", ", ids(kind))));
    }

    public List<String> ids(ServiceKind kind) {
        return entries().stream().filter(e -> e.kind() == kind).map(e -> e.service().id()).toList();
    }

    /** Plugins that failed to start or to create their services; the rest works without them. */
    public List<PluginProblem> problems() {
        return List.copyOf(problems);
    }

    /** Records a plugin failure seen outside the catalog (a bundle that did not start, say). */
    public void reportProblem(PluginProblem problem) {
        if (!problems.contains(problem)) {
            problems.add(problem);
        }
    }

    /** The entry of a given service instance, for provenance. */
    public Optional<ServiceEntry> entryOf(TwinPrintService service) {
        return entries.stream().filter(e -> e.service() == service).findFirst();
    }
}
