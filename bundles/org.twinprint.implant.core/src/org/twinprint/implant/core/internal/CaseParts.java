package org.twinprint.implant.core.internal;

import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;

/** The case's meshes and markups that the implant designers name in their parameters. */
final class CaseParts {

    private CaseParts() {
    }

    static Mesh mesh(Case c, String name, String role) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the " + role + " mesh");
        }
        return c.meshes().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("the case has no mesh named '" + name + "' for the " + role));
    }

    static Markup markup(Case c, String name) {
        return c.markups().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the case has no markup named '" + name + "'"));
    }

    /** The control points of a markup, in order; none for a blank name. */
    static List<Vec3> points(Case c, String name) {
        List<Vec3> out = new ArrayList<>();
        if (name != null && !name.isBlank()) {
            markup(c, name).points().forEach(p -> out.add(p.position()));
        }
        return out;
    }

    /** Names separated by commas, blanks dropped. */
    static List<String> names(String list) {
        List<String> out = new ArrayList<>();
        for (String s : list == null ? new String[0] : list.split(",")) {
            if (!s.isBlank()) {
                out.add(s.strip());
            }
        }
        return out;
    }
}
