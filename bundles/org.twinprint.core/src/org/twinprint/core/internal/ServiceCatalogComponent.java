package org.twinprint.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.startlevel.BundleStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.twinprint.core.service.PluginProblem;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.ExplanationSection;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.core.spi.TwinPrintService;

/**
 * The OSGi face of the {@link ServiceCatalog}: Declarative Services hands it every service of
 * every extension point as plugins start and stop, with the bundle that registered it. Plugins
 * that fail (an activator or a component that throws) are listed as problems, not fatal.
 */
@Component(service = ServiceCatalog.class, immediate = true)
public class ServiceCatalogComponent extends ServiceCatalog {

    private BundleContext context;
    private final FrameworkListener errors = this::frameworkEvent;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ServiceComponentRuntime scr;

    @Activate
    void activate(BundleContext bundleContext) {
        context = bundleContext;
        context.addFrameworkListener(errors);
    }

    @Deactivate
    void deactivate() {
        context.removeFrameworkListener(errors);
    }

    /** A bundle whose activator threw, reported by the framework as it started bundles. */
    private void frameworkEvent(FrameworkEvent event) {
        if (event.getType() == FrameworkEvent.ERROR && event.getBundle() != null
                && event.getBundle().getBundleId() != 0) {
            Throwable t = event.getThrowable();
            while (t != null && t.getCause() != null && t.getCause() != t) {
                t = t.getCause();
            }
            reportProblem(new PluginProblem(event.getBundle().getSymbolicName(), "did not start",
                    t == null ? "unknown error" : String.valueOf(t.getMessage())));
        }
    }

    /** Adds the components Declarative Services could not activate, with SCR's own reason. */
    @Override
    public List<PluginProblem> problems() {
        List<PluginProblem> all = new ArrayList<>(super.problems());
        for (Bundle b : context.getBundles()) {
            if (failedToStart(b) && all.stream().noneMatch(p -> p.pluginId().equals(b.getSymbolicName()))) {
                all.add(new PluginProblem(b.getSymbolicName(), "did not start",
                        "its activator failed when the framework started it (see the log)"));
            }
        }
        ServiceComponentRuntime runtime = scr;
        if (runtime != null) {
            for (ComponentDescriptionDTO d : runtime.getComponentDescriptionDTOs()) {
                for (ComponentConfigurationDTO c : runtime.getComponentConfigurationDTOs(d)) {
                    if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                        all.add(new PluginProblem(d.bundle.symbolicName, "component " + d.name + " failed to activate",
                                firstLine(c.failure)));
                    }
                }
            }
        }
        return all;
    }

    /** Asked to start, yet only resolved: its activator threw (the event may have come before us). */
    private static boolean failedToStart(Bundle b) {
        BundleStartLevel level = b.adapt(BundleStartLevel.class);
        return b.getState() == Bundle.RESOLVED && level != null && level.isPersistentlyStarted()
                && b.getHeaders().get(Constants.FRAGMENT_HOST) == null;
    }

    private static String firstLine(String failure) {
        if (failure == null) {
            return "no reason given";
        }
        String line = failure.lines().findFirst().orElse(failure);
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    private void bind(TwinPrintService service, ServiceReference<?> ref) {
        remove(service); // a service implementing two points is bound twice: keep one set of entries
        add(service, ref.getBundle().getSymbolicName(), ref.getBundle().getVersion().toString());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addImporter(Importer s, ServiceReference<Importer> ref) {
        bind(s, ref);
    }

    void removeImporter(Importer s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addSegmentationTool(SegmentationTool s, ServiceReference<SegmentationTool> ref) {
        bind(s, ref);
    }

    void removeSegmentationTool(SegmentationTool s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMesher(Mesher s, ServiceReference<Mesher> ref) {
        bind(s, ref);
    }

    void removeMesher(Mesher s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addMeshFilter(MeshFilter s, ServiceReference<MeshFilter> ref) {
        bind(s, ref);
    }

    void removeMeshFilter(MeshFilter s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExporter(Exporter s, ServiceReference<Exporter> ref) {
        bind(s, ref);
    }

    void removeExporter(Exporter s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addImplantDesigner(ImplantDesigner s, ServiceReference<ImplantDesigner> ref) {
        bind(s, ref);
    }

    void removeImplantDesigner(ImplantDesigner s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addOutcomeModel(OutcomeModel s, ServiceReference<OutcomeModel> ref) {
        bind(s, ref);
    }

    void removeOutcomeModel(OutcomeModel s) {
        remove(s);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addExplanationSection(ExplanationSection s, ServiceReference<ExplanationSection> ref) {
        bind(s, ref);
    }

    void removeExplanationSection(ExplanationSection s) {
        remove(s);
    }
}
