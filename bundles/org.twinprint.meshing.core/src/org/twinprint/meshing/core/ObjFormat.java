package org.twinprint.meshing.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.files.AtomicFiles;

/** Wavefront OBJ: one named object per mesh; comments state units and coordinate system. */
public final class ObjFormat {

    private ObjFormat() {
    }

    public static void write(Path file, List<Mesh> meshes) throws IOException {
        AtomicFiles.write(file, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
            w.write("# TwinPrint OBJ\n# units: millimetres\n# coordinates: patient LPS (x left, y posterior, z superior)\n");
            int base = 1;
            for (Mesh m : meshes) {
                w.write("o " + m.name().replaceAll("\\s+", "_") + "\n");
                float[] v = m.vertices();
                for (int i = 0; i < v.length; i += 3) {
                    w.write(String.format(Locale.ROOT, "v %.6g %.6g %.6g\n", v[i], v[i + 1], v[i + 2]));
                }
                int[] t = m.triangles();
                for (int i = 0; i < t.length; i += 3) {
                    w.write("f " + (t[i] + base) + " " + (t[i + 1] + base) + " " + (t[i + 2] + base) + "\n");
                }
                base += m.vertexCount();
            }
            w.flush();
        });
    }
}
