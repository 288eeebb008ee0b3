package org.twinprint.casefile.core;

/**
 * The {@code .twinprint} case file: a zip holding {@code case.json}, a manifest with the schema
 * version and the TwinPrint version that wrote it, beside one entry per voxel array and mesh.
 * Lengths are in millimetres and positions in patient LPS coordinates; docs/case-file.md describes
 * every entry.
 */
public final class CaseFileFormat {

    /** What {@code case.json} says it is. */
    public static final String FORMAT = "twinprint-case";
    /**
     * The schema this TwinPrint writes, and the newest it reads. 1: series, labels, meshes,
     * provenance, results; 2: and markups (in 3D Slicer's markups JSON); 3: and segments in layers,
     * so that they may overlap. Older schemas open.
     */
    public static final int SCHEMA_VERSION = 3;
    public static final String MANIFEST = "case.json";

    private CaseFileFormat() {
    }
}
