package org.twinprint.meshing.core;

import java.util.LinkedHashMap;
import java.util.Map;

import org.twinprint.core.model.Mesh;

/**
 * Whether a mesh will print: its topology (closed, manifold, oriented, shells), size against a
 * printer's build volume, and an estimate of material, time and cost.
 */
public record PrintabilityReport(String mesh, int triangles, int vertices, MeshTopology topology, double volumeMm3,
        double areaMm2, double[] boundsMin, double[] boundsMax, Printer printer, boolean fits, double hours,
        double cost, long selfIntersections, double minimumWallMm, double thinWallMm) {

    /** Wall thickness is sampled at this many vertices, and looked for up to this far (mm). */
    private static final int WALL_SAMPLES = 20_000;
    private static final double WALL_SEARCH_MM = 20;

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
        boolean fits = printer.fits(max[0] - min[0], max[1] - min[1], max[2] - min[2]);
        double material = Math.abs(volume);
        return new PrintabilityReport(m.name(), m.triangleCount(), m.vertexCount(), topology, volume,
                done.measures().areaMm2(), min, max, printer, fits, material / printer.mm3PerHour(),
                material / 1000 * printer.costPerCm3(), crossings, wall, thin);
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

    private static double meanEdge(Mesh m) {
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
        return w;
    }

    public boolean printable() {
        return topology.watertight() && volumeMm3 > 0 && fits;
    }

    /** The report as a JSON-ready tree, lengths in mm. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mesh", mesh);
        m.put("units", "mm");
        m.put("coordinateSystem", "LPS");
        m.put("printable", printable());
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
