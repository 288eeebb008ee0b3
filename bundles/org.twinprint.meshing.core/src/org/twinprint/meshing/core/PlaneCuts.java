package org.twinprint.meshing.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.ProvenanceEntry;

/**
 * Virtual surgery on a case: a mesh cut by one or more plane markups (an osteotomy, a resection)
 * into closed parts that join the case beside the whole mesh, which is kept. The workbench and
 * {@code releng/run cut} both come here.
 */
public final class PlaneCuts {

    /** The service id in the provenance. */
    public static final String ID = "mesh.cut";

    private PlaneCuts() {
    }

    /**
     * Cuts {@code mesh} by each plane in turn; every non-empty part is added to the case, named after
     * the mesh and its side of each plane, and the step is recorded.
     *
     * @return the parts, in a fixed order (behind before in front, plane by plane)
     */
    public static List<Mesh> cut(Case target, Mesh mesh, List<Markup> planes) {
        if (planes.isEmpty()) {
            throw new IllegalArgumentException("a cut needs at least one plane");
        }
        List<Mesh> parts = List.of(mesh);
        List<String> sides = new ArrayList<>(List.of(""));
        for (Markup plane : planes) {
            if (plane.type() != Markup.Type.PLANE) {
                throw new IllegalArgumentException(plane.name() + " is a " + plane.type().name().toLowerCase(Locale.ROOT)
                        + ", not a plane");
            }
            List<Mesh> next = new ArrayList<>();
            List<String> nextSides = new ArrayList<>();
            for (int p = 0; p < parts.size(); p++) {
                String sofar = sides.get(p).isEmpty() ? "" : sides.get(p) + ", ";
                String behind = sofar + "behind " + plane.name(), inFront = sofar + "in front of " + plane.name();
                MeshPlaneCut.Parts two = MeshPlaneCut.cut(parts.get(p), plane.points().get(0).position(),
                        plane.unitNormal(), name(mesh, behind), name(mesh, inFront));
                if (two.behind().triangleCount() > 0) {
                    next.add(two.behind());
                    nextSides.add(behind);
                }
                if (two.inFront().triangleCount() > 0) {
                    next.add(two.inFront());
                    nextSides.add(inFront);
                }
            }
            parts = next;
            sides = nextSides;
        }
        StringBuilder summary = new StringBuilder(mesh.name()).append(" -> ");
        for (Mesh part : parts) {
            target.removeMeshes(part.name()); // a repeated cut replaces its earlier parts
            target.addMesh(part);
            summary.append(String.format(Locale.ROOT, "%s%s: %.1f mm³", part == parts.get(0) ? "" : "; ", part.name(),
                    part.volumeMm3()));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("mesh", mesh.name());
        parameters.put("planes", String.join(", ", planes.stream().map(Markup::name).toList()));
        target.record(new ProvenanceEntry(Instant.now(), ID, "org.twinprint.meshing.core", "", parameters,
                summary.toString()));
        return parts;
    }

    /** Whether a mesh is a part of a cut (by the name the cut gave it). */
    public static boolean isPart(Mesh mesh) {
        String n = mesh.name();
        return n.endsWith(")") && (n.contains(" (behind ") || n.contains(" (in front of "));
    }

    private static String name(Mesh mesh, String sides) {
        return mesh.name() + " (" + sides + ")";
    }
}
