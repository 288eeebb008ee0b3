package org.twinprint.core.service;

import org.twinprint.core.spi.ExplanationSection;
import org.twinprint.core.spi.Exporter;
import org.twinprint.core.spi.ImplantDesigner;
import org.twinprint.core.spi.Importer;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.Mesher;
import org.twinprint.core.spi.OutcomeModel;
import org.twinprint.core.spi.SegmentationTool;
import org.twinprint.core.spi.TwinPrintService;

/** The extension points of TwinPrint: each is one SPI interface that plugins implement. */
public enum ServiceKind {
    IMPORTER(Importer.class, "importer"),
    SEGMENTATION_TOOL(SegmentationTool.class, "segmentation tool"),
    MESHER(Mesher.class, "mesher"),
    MESH_FILTER(MeshFilter.class, "mesh filter"),
    EXPORTER(Exporter.class, "exporter"),
    IMPLANT_DESIGNER(ImplantDesigner.class, "implant designer"),
    OUTCOME_MODEL(OutcomeModel.class, "outcome model"),
    EXPLANATION_SECTION(ExplanationSection.class, "explanation section");

    private final Class<? extends TwinPrintService> type;
    private final String label;

    ServiceKind(Class<? extends TwinPrintService> type, String label) {
        this.type = type;
        this.label = label;
    }

    public Class<? extends TwinPrintService> type() {
        return type;
    }

    public String label() {
        return label;
    }
}
