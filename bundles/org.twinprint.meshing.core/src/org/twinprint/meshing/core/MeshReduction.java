package org.twinprint.meshing.core;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.spi.MeshFilter;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;

/** Reduces a mesh to a triangle budget, keeping it closed, manifold and consistently oriented. */
@Component(service = MeshFilter.class)
public final class MeshReduction implements MeshFilter {

    @Override
    public String id() {
        return "mesh.reduce";
    }

    @Override
    public String label() {
        return "Reduce triangles";
    }

    @Override
    public String description() {
        return "Quadric-error edge collapse that never opens, tears or flips the surface.";
    }

    @Override
    public List<ParameterSpec> parameters() {
        return List.of(ParameterSpec.text("target", "Target", "0.5",
                "A triangle count (e.g. 200000) or a fraction of the current count (e.g. 0.25)."));
    }

    @Override
    public Mesh apply(Mesh input, Parameters parameters, Progress progress) {
        return EdgeCollapse.reduce(input, targetTriangles(parameters.string("target"), input.triangleCount()),
                progress);
    }

    /** "0.25" is a fraction of the current count, "200000" a count. */
    public static int targetTriangles(String target, int current) {
        double value;
        try {
            value = Double.parseDouble(target);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parameter --target: '" + target + "' is neither a count nor a fraction");
        }
        if (value <= 0) {
            throw new IllegalArgumentException("parameter --target: must be positive, not " + target);
        }
        return value <= 1 ? (int) Math.round(current * value) : (int) Math.min(current, Math.round(value));
    }
}
