package org.twinprint.meshing.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.twinprint.core.model.Mesh;

/**
 * Whether a mesh will print: its topology (closed, manifold, oriented, shells), size against a
 * printer's build volume, and an estimate of material, time and cost. {@link #failures()} names
 * each criterion that fails. The size counts only against a printer the user asked for: with none
 * asked, the first listed printer that holds the model is taken, and a model that no listed
 * printer holds is a note, not a failure.
 */
public record PrintabilityReport(String mesh, int triangles, int vertices, MeshTopology topology, double volumeMm3,
        double areaMm2, double[] boundsMin, double[] boundsMax, Printer printer, boolean printerAsked, boolean fits,
        double hours, double cost, long selfIntersections, double minimumWallMm, double thinWallMm) {

    /** Wall thickness is sampled at this many vertices, and looked for up to this far (mm). */
    private static final int WALL_SAMPLES = 20_000;
    private static final double WALL_SEARCH_MM = 20;

    /** The report against a printer the user asked for, or null for the first listed one that holds it. */
    public static PrintabilityReport of(Mesh m, Printer printer) {
        return of(m, printer, null);
    }

    /**
     * The same for a mesh whose topology is already known (the repair's result), or null to work
     * it out here.
     */
    public static PrintabilityReport of(Mesh m, Printer printer, MeshTopology known) {
        // edges, volume and area are sums: they run beside the grid and the (parallel) geometric checks
        java.util.concurrent.FutureTask<Sums> sums = new java.util.concurrent.FutureTask<>(
                () -> new Sums(known != null ? known : MeshTopology.of(m), m.measures()));
        new Thread(sums, "TwinPrint mesh sums").start();
        TriangleGrid grid = new TriangleGrid(m, 1.5 * meanEdge(m));
        long crossings = SurfaceChecks.selfIntersections(grid);
        double[] walls = SurfaceChecks.walls(grid, WALL_SAMPLES, WALL_SEARCH_MM);
        double wall = walls.length == 0 ? Double.NaN : walls[0];
        double thin = walls.length == 0 ? Double.NaN : walls[walls.length / 100]; // thinnest 1 %
        Sums done = join(sums);
        MeshTopology topology = done.topology();
        double[] min = grid.min.clone(), max = grid.max.clone();
        double volume = done.measures().volumeMm3();
        double sx = max[0] - min[0], sy = max[1] - min[1], sz = max[2] - min[2];
        boolean asked = printer != null;
        Printer chosen = asked ? printer
                : Printers.defaults().stream().filter(p -> p.fits(sx, sy, sz)).findFirst()
                        .orElse(Printers.defaults().get(0));
        boolean fits = chosen.fits(sx, sy, sz);
        double material = Math.abs(volume);
        return new PrintabilityReport(m.name(), m.triangleCount(), m.vertexCount(), topology, volume,
                done.measures().areaMm2(), min, max, chosen, asked, fits, material / chosen.mm3PerHour(),
                material / 1000 * chosen.costPerCm3(), crossings, wall, thin);
    }

    private record Sums(MeshTopology topology, Mesh.Measures measures) {
    }

    private static Sums join(java.util.concurrent.FutureTask<Sums> sums) {
        try {
            return sums.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while checking the mesh's edges", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** The mean length of the first edges of (up to) the first 10,000 triangles, mm. */
    static double meanEdge(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        int n = Math.min(t.length / 3, 10_000);
        double sum = 0;
        for (int f = 0; f < n; f++) {
            int a = 3 * t[3 * f], b = 3 * t[3 * f + 1];
            double dx = v[a] - v[b], dy = v[a + 1] - v[b + 1], dz = v[a + 2] - v[b + 2];
            sum += Math.sqrt(dx * dx + dy * dy + dz * dz);
        }
        return n == 0 ? 1 : Math.max(1e-3, sum / n);
    }

    /** Things a printer operator should look at that do not make the model unprintable. */
    public java.util.List<String> warnings() {
        java.util.List<String> w = new java.util.ArrayList<>();
        if (selfIntersections > 0) {
            w.add(selfIntersections + " pairs of triangles cross each other (slicers usually merge them)");
        }
        if (thinWallMm < printer.minWallMm()) {
            w.add(String.format(java.util.Locale.ROOT, "1 %% of the sampled wall is thinner than %.2f mm, below the"
                    + " %.2f mm this printer holds", thinWallMm, printer.minWallMm()));
        }
        if (topology.shells() > 1) {
            w.add(topology.shells() + " separate pieces");
        }
        if (!fits && !printerAsked) {
            w.add(String.format(java.util.Locale.ROOT, "%s mm is larger than every listed printer's build volume:"
                    + " print it in parts, scaled, or on a larger printer (--printer)", size()));
        }
        return w;
    }

    /** Each criterion the model fails, in words; empty when it will print. */
    public java.util.List<String> failures() {
        java.util.List<String> f = new java.util.ArrayList<>();
        if (!topology.closed()) {
            f.add("not closed: " + topology.boundaryEdges() + " edges on holes");
        }
        if (!topology.manifold()) {
            f.add("not manifold: " + topology.nonManifoldEdges() + " edges shared by more than two triangles");
        }
        if (!topology.consistentlyOriented()) {
            f.add("not consistently oriented: " + topology.misorientedEdges() + " edges between flipped triangles");
        }
        if (!topology.watertight() && f.isEmpty()) {
            f.add("not watertight: " + topology.degenerateTriangles() + " degenerate triangles");
        }
        if (!(volumeMm3 > 0)) {
            f.add(String.format(java.util.Locale.ROOT, "encloses no volume (%.3f mm3): normals point inward or the"
                    + " surface is empty", volumeMm3));
        }
        if (!fits && printerAsked) {
            f.add(String.format(java.util.Locale.ROOT, "%s mm does not fit %s's build volume of %s x %s x %s mm",
                    size(), printer.name(), num(printer.buildX()), num(printer.buildY()), num(printer.buildZ())));
        }
        return f;
    }

    private String size() {
        return num(boundsMax[0] - boundsMin[0]) + " x " + num(boundsMax[1] - boundsMin[1]) + " x "
                + num(boundsMax[2] - boundsMin[2]);
    }

    private static String num(double mm) {
        return String.format(java.util.Locale.ROOT, "%.1f", mm);
    }

    public boolean printable() {
        return failures().isEmpty();
    }

    /**
     * The report in words, as the command line and the workbench show it: triangles, volume,
     * whether it prints and on which printer (or why not), then one line per note.
     */
    public java.util.List<String> summary() {
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(String.format(java.util.Locale.ROOT, "%,d triangles, %.1f ml, %s", triangles, volumeMm3 / 1000,
                printable() ? "printable" + (fits ? " on " + printer.name() : "")
                        : "NOT printable: " + String.join("; ", failures())));
        warnings().forEach(w -> lines.add("note: " + w));
        return lines;
    }

    /** The report as a JSON-ready tree, lengths in mm. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mesh", mesh);
        m.put("units", "mm");
        m.put("coordinateSystem", "LPS");
        m.put("printable", printable());
        m.put("failures", failures());
        m.put("triangles", triangles);
        m.put("vertices", vertices);
        m.put("closed", topology.closed());
        m.put("manifold", topology.manifold());
        m.put("consistentlyOriented", topology.consistentlyOriented());
        m.put("outwardNormals", volumeMm3 > 0);
        m.put("boundaryEdges", topology.boundaryEdges());
        m.put("nonManifoldEdges", topology.nonManifoldEdges());
        m.put("misorientedEdges", topology.misorientedEdges());
        m.put("degenerateTriangles", topology.degenerateTriangles());
        m.put("shells", topology.shells());
        m.put("selfIntersections", selfIntersections);
        m.put("minimumWallMm", minimumWallMm);
        m.put("thinnestPercentWallMm", thinWallMm);
        m.put("volumeMm3", volumeMm3);
        m.put("volumeMl", volumeMm3 / 1000);
        m.put("areaMm2", areaMm2);
        m.put("boundsMin", boundsMin);
        m.put("boundsMax", boundsMax);
        m.put("size", new double[] { boundsMax[0] - boundsMin[0], boundsMax[1] - boundsMin[1],
                boundsMax[2] - boundsMin[2] });
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", printer.name());
        p.put("asked", printerAsked);
        p.put("buildVolume", new double[] { printer.buildX(), printer.buildY(), printer.buildZ() });
        p.put("fits", fits);
        p.put("minimumWallMm", printer.minWallMm());
        p.put("estimatedHours", hours);
        p.put("estimatedMaterialCost", cost);
        m.put("printer", p);
        m.put("warnings", warnings());
        return m;
    }
}
