package org.twinprint.core.model;

/**
 * The three index planes of a volume as a viewer shows them, in radiological convention: the
 * screen's u axis runs left to right, v top to bottom, and k (towards the head for an axial
 * series) points up in coronal and sagittal views. Maps screen pixels (u, v) of slice s to voxel
 * indices and back, and names the patient directions at the image edges.
 */
public enum SlicePlane {
    /** i across, j down, one slice per k. */
    AXIAL,
    /** i across, k up, one slice per j. */
    CORONAL,
    /** j across, k up, one slice per i. */
    SAGITTAL;

    /** Pixels across. */
    public int width(Geometry g) {
        return this == SAGITTAL ? g.ny() : g.nx();
    }

    /** Pixels down. */
    public int height(Geometry g) {
        return this == AXIAL ? g.ny() : g.nz();
    }

    /** Slices along the plane's normal. */
    public int slices(Geometry g) {
        return switch (this) {
            case AXIAL -> g.nz();
            case CORONAL -> g.ny();
            case SAGITTAL -> g.nx();
        };
    }

    /** Size of a pixel across and down, in mm. */
    public double pixelWidthMm(Geometry g) {
        return this == SAGITTAL ? g.spacing().y() : g.spacing().x();
    }

    public double pixelHeightMm(Geometry g) {
        return this == AXIAL ? g.spacing().y() : g.spacing().z();
    }

    /** Voxel index {i, j, k} of pixel (u, v) on slice s (fractional coordinates allowed). */
    public double[] voxel(Geometry g, double u, double v, double s) {
        return switch (this) {
            case AXIAL -> new double[] { u, v, s };
            case CORONAL -> new double[] { u, s, g.nz() - 1 - v };
            case SAGITTAL -> new double[] { s, u, g.nz() - 1 - v };
        };
    }

    /** Pixel {u, v} and slice s of voxel (i, j, k): the inverse of {@link #voxel}. */
    public double[] pixel(Geometry g, double i, double j, double k) {
        return switch (this) {
            case AXIAL -> new double[] { i, j, k };
            case CORONAL -> new double[] { i, g.nz() - 1 - k, j };
            case SAGITTAL -> new double[] { j, g.nz() - 1 - k, i };
        };
    }

    /** Linear voxel index of pixel (u, v) on slice s (whole numbers, inside the volume). */
    public int index(Geometry g, int u, int v, int s) {
        return switch (this) {
            case AXIAL -> g.index(u, v, s);
            case CORONAL -> g.index(u, s, g.nz() - 1 - v);
            case SAGITTAL -> g.index(s, u, g.nz() - 1 - v);
        };
    }

    /**
     * Patient directions at the image edges: {left, right, top, bottom}, each the LPS letters of
     * the screen direction pointing there ("R", "L", "A", "P", "S", "I"; two letters when oblique).
     */
    public String[] edgeLabels(Geometry g) {
        Vec3 across = switch (this) {
            case AXIAL, CORONAL -> g.dirI();
            case SAGITTAL -> g.dirJ();
        };
        Vec3 down = this == AXIAL ? g.dirJ() : g.dirK().times(-1);
        return new String[] { letters(across.times(-1)), letters(across), letters(down.times(-1)), letters(down) };
    }

    /** LPS letters of a direction: the strongest component first, a second one if it is oblique. */
    static String letters(Vec3 d) {
        double[] c = { d.x(), d.y(), d.z() };
        String[][] names = { { "R", "L" }, { "A", "P" }, { "I", "S" } };
        int first = 0;
        for (int a = 1; a < 3; a++) {
            if (Math.abs(c[a]) > Math.abs(c[first])) {
                first = a;
            }
        }
        String s = names[first][c[first] > 0 ? 1 : 0];
        int second = -1;
        for (int a = 0; a < 3; a++) {
            if (a != first && Math.abs(c[a]) > 0.3 && (second < 0 || Math.abs(c[a]) > Math.abs(c[second]))) {
                second = a;
            }
        }
        return second < 0 ? s : s + names[second][c[second] > 0 ? 1 : 0];
    }
}
