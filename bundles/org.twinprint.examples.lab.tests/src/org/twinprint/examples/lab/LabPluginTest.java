package org.twinprint.examples.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.ExplanationSection;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.testing.OsgiServices;
import org.twinprint.testing.TestData;

/** The example plugin's three services, found in the catalog and run through CaseOperations. */
class LabPluginTest {

    private final ServiceCatalog catalog = OsgiServices.await(ServiceCatalog.class);
    private final CaseOperations operations = new CaseOperations(catalog);

    @Test
    void otsuSplitsTwoModesBetweenThem() {
        long[] histogram = new long[100];
        histogram[20] = 500;
        histogram[21] = 300;
        histogram[80] = 200;
        histogram[82] = 400;
        int t = OtsuThresholdTool.otsu(histogram);
        assertTrue(t > 21 && t <= 80, "threshold " + t + " lies between the modes");
    }

    @Test
    void otsuOnTheHeadPhantomSeparatesBoneFromSoftMaterial() throws IOException {
        Case c = new Case("phantom");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        SegmentationTool otsu = catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class, "example.otsu");
        String summary = operations.segment(c, otsu, Map.of("from", "-200", "segment", "Bone"), Progress.NONE);
        int threshold = Integer.parseInt(summary.replaceAll(".*Otsu threshold (-?\\d+) HU.*", "$1"));
        assertTrue(threshold > 150 && threshold < 900, summary);
        long voxels = c.labelMap().voxelCount(c.labelMap().segment("Bone").orElseThrow());
        assertTrue(voxels > 1_373_795, "more than the voxels at >= 700 HU: " + voxels);
        assertEquals("org.twinprint.examples.lab", c.provenance().get(1).pluginId());
    }

    @Test
    void outcomeModelGivesARangeAndSaysItIsAnExample() {
        OutcomeModel model = catalog.require(ServiceKind.OUTCOME_MODEL, OutcomeModel.class, "example.operating-time");
        List<Prediction> p = operations.predict(new Case("plan"), model, Map.of("planned", "150"), Progress.NONE);
        assertEquals(120, p.get(0).value(), 1e-9);
        assertEquals(105, p.get(0).lower(), 1e-9);
        assertEquals(135, p.get(0).upper(), 1e-9);
        assertTrue(p.get(0).method().contains("not a validated model"));
    }

    @Test
    void explanationSpeaksOfTheSegmentsInPlainWords() throws IOException {
        Case c = new Case("phantom");
        operations.importInto(c, TestData.headPhantom(), Map.of(), Progress.NONE);
        operations.segment(c, catalog.require(ServiceKind.SEGMENTATION_TOOL, SegmentationTool.class,
                "example.otsu"), Map.of("from", "700", "segment", "Skull"), Progress.NONE);
        ExplanationSection section = catalog.require(ServiceKind.EXPLANATION_SECTION, ExplanationSection.class,
                "example.segments-in-words");
        String text = section.explain(c, Parameters.defaults(section.parameters())).text();
        assertTrue(text.contains("the skull (about"), text);
        assertTrue(text.contains("millilitres"), text);
    }
}
