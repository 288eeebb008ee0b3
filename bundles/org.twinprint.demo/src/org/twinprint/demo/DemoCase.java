package org.twinprint.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Segment;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceKind;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.meshing.core.ModelPipeline;

/**
 * The demo case shipped with TwinPrint (a real CT of a skull in a head phantom, BSD-2, see
 * data/philips-head-phantom-bone1mm) and the main job run on it: load, segment the skull at
 * 700 HU and above, keep its largest 26-connected piece, and make a printable model of it. The
 * workbench and the command line both run it through this class.
 */
public final class DemoCase {

    public static final String NAME = "Head phantom (demo)";
    /** Ivory, the colour of bone in the views and in coloured model files. */
    public static final int BONE_RGB = 0xe8dcc0;
    private static final String DICOM = "data/philips-head-phantom-bone1mm/dicom";

    private DemoCase() {
    }

    /** The demo series folder inside the installed bundle (or {@code -Dtwinprint.demo=DIR}). */
    public static Path dicomFolder() throws IOException {
        String override = System.getProperty("twinprint.demo");
        if (override != null) {
            return Path.of(override);
        }
        Bundle bundle = FrameworkUtil.getBundle(DemoCase.class);
        if (bundle == null) {
            throw new IOException("the demo case is only found inside the TwinPrint product");
        }
        Path root = FileLocator.getBundleFileLocation(bundle).map(java.io.File::toPath)
                .orElseThrow(() -> new IOException("bundle " + bundle.getSymbolicName() + " is not on disk"));
        Path dicom = root.resolve(DICOM);
        if (!Files.isDirectory(dicom)) {
            throw new IOException(dicom + ": demo data missing (the bundle must be installed as a folder)");
        }
        return dicom;
    }

    /** Loads the demo series into a new case. */
    public static Case load(CaseOperations operations, Progress progress) throws IOException {
        Case c = new Case(NAME);
        ImportResult result = operations.importInto(c, dicomFolder(), Map.of(), progress);
        if (!result.problems().isEmpty()) {
            throw new IOException("demo data damaged: " + result.problems().get(0));
        }
        return c;
    }

    /**
     * The printable model of the segmented skull, by the model recipe ({@link ModelPipeline}):
     * surface, 10 smoothing steps, half the triangles, fitted to the voxel volume, repaired and
     * checked. The meshes are in the case.
     */
    public static ModelPipeline.Result buildSkullModel(Case c, CaseOperations operations, Progress progress)
            throws IOException {
        Segment skull = c.labelMap().segment("Skull")
                .orElseThrow(() -> new IllegalStateException("segment the skull first"));
        c.removeMeshes(skull.name());
        return new ModelPipeline(operations).run(c, ModelPipeline.Options.ofSegment(skull.name()), progress);
    }

    /** The main job: segment the skull on a loaded demo case; returns the summaries of both steps. */
    public static String segmentSkull(Case c, CaseOperations operations, Progress progress) {
        SegmentationTool threshold = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                SegmentationTool.class, "segment.threshold");
        SegmentationTool largest = operations.catalog().require(ServiceKind.SEGMENTATION_TOOL,
                SegmentationTool.class, "segment.largest-island");
        String first = operations.segment(c, threshold,
                Map.of("preset", "custom", "lower", "700", "upper", "3071", "segment", "Skull"), progress);
        String second = operations.segment(c, largest, Map.of("segment", "Skull", "connectivity", "26"), progress);
        c.labelMap().segment("Skull").ifPresent(s -> c.labelMap().update(s, s.name(), BONE_RGB));
        return first + "\n" + second;
    }
}
