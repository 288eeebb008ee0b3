package org.twinprint.core.internal;

import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.ExplanationSection;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.core.spi.TwinPrintService;

/**
 * The OSGi face of the {@link ServiceCatalog}: Declarative Services hands it every service of
 * every extension point as plugins start and stop, with the bundle that registered it.
 */
@Component(service = ServiceCatalog.class)
public class ServiceCatalogComponent extends ServiceCatalog {

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
