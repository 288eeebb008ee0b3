package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.files.AtomicFiles;

/** Binary little-endian PLY with per-vertex colour; header comments state units and coordinate system. */
public final class PlyFormat {

    private PlyFormat() {
    }

    public static void write(Path file, List<Mesh> meshes) throws IOException {
        write(file, meshes, null, List.of());
    }

    /**
     * One mesh with a colour per vertex (a distance map, say), and comment lines that say what the
     * colours mean.
     */
    public static void writeColoured(Path file, Mesh mesh, int[] vertexRgb, List<String> comments) throws IOException {
        if (vertexRgb.length != mesh.vertexCount()) {
            throw new IllegalArgumentException(mesh.name() + ": " + vertexRgb.length + " colours for "
                    + mesh.vertexCount() + " vertices");
        }
        write(file, List.of(mesh), vertexRgb, comments);
    }

    private static void write(Path file, List<Mesh> meshes, int[] vertexRgb, List<String> comments) throws IOException {
        StringBuilder notes = new StringBuilder();
        comments.forEach(c -> notes.append("comment ").append(c.replace('\n', ' ')).append('\n'));
        long vertices = meshes.stream().mapToLong(Mesh::vertexCount).sum();
        long faces = meshes.stream().mapToLong(Mesh::triangleCount).sum();
        String header = "ply\nformat binary_little_endian 1.0\ncomment TwinPrint PLY\n"
                + "comment units: millimetres\ncomment coordinates: patient LPS\n" + notes
                + "element vertex " + vertices + "\nproperty float x\nproperty float y\nproperty float z\n"
                + "property uchar red\nproperty uchar green\nproperty uchar blue\n"
                + "element face " + faces + "\nproperty list uchar int vertex_indices\nend_header\n";
        AtomicFiles.write(file, stream -> {
            LittleEndianOutput out = new LittleEndianOutput(stream);
            out.putBytes(header.getBytes(StandardCharsets.US_ASCII));
            for (Mesh m : meshes) {
                float[] v = m.vertices();
                for (int i = 0; i < v.length; i += 3) {
                    out.putFloat(v[i]);
                    out.putFloat(v[i + 1]);
                    out.putFloat(v[i + 2]);
                    int rgb = vertexRgb == null ? m.rgb() : vertexRgb[i / 3];
                    out.putByte((byte) (rgb >> 16));
                    out.putByte((byte) (rgb >> 8));
                    out.putByte((byte) rgb);
                }
            }
            int base = 0;
            for (Mesh m : meshes) {
                int[] t = m.triangles();
                for (int i = 0; i < t.length; i += 3) {
                    out.putByte((byte) 3);
                    out.putInt(t[i] + base);
                    out.putInt(t[i + 1] + base);
                    out.putInt(t[i + 2] + base);
                }
                base += m.vertexCount();
            }
            out.flush();
        });
    }
}
