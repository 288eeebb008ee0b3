package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Mesh;

/**
 * Binary glTF 2.0 (GLB): one named, coloured mesh per case mesh, for viewers, web pages and slides.
 * Vertex positions are the case's own, in patient LPS millimetres; a root node turns them into
 * the frame 3D Slicer writes glTF in (x = R = -L, y = S, z = P), still in millimetres, so that
 * {@link GltfFormat} and Slicer read it back as it was. The file says so in {@code asset.extras}.
 */
public final class GlbFormat {

    /** The root node's matrix (column-major): LPS to Slicer's glTF axes (x = -L, y = S, z = P), mm. */
    public static final double[] LPS_TO_GLTF = { -1, 0, 0, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1 };

    private static final int MAGIC = 0x46546C67, JSON = 0x4E4F534A, BIN = 0x004E4942;
    private static final int FLOAT = 5126, UNSIGNED_INT = 5125, ARRAY_BUFFER = 34962, ELEMENT_ARRAY_BUFFER = 34963;

    private GlbFormat() {
    }

    public static void write(Path file, List<Mesh> meshes, String title) throws IOException {
        byte[] glb = bytes(meshes, title);
        AtomicFiles.write(file, out -> out.write(glb));
    }

    /** The GLB file's bytes (for a page that embeds the model). */
    public static byte[] bytes(List<Mesh> meshes, String title) throws IOException {
        int n = meshes.size();
        long binLength = 0;
        for (Mesh m : meshes) {
            binLength += 2L * 12 * m.vertexCount() + 4L * m.triangles().length;
        }
        if (binLength > Integer.MAX_VALUE - (1 << 20)) {
            throw new IOException("the meshes are too large for one GLB buffer (" + binLength + " bytes)");
        }
        ByteBuffer bin = ByteBuffer.allocate((int) binLength).order(ByteOrder.LITTLE_ENDIAN);
        StringBuilder views = new StringBuilder(), accessors = new StringBuilder(), gltfMeshes = new StringBuilder();
        StringBuilder materials = new StringBuilder(), nodes = new StringBuilder();
        StringBuilder children = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Mesh m = meshes.get(i);
            if (m.triangleCount() == 0) {
                throw new IOException("mesh '" + m.name() + "' has no triangles to write");
            }
            float[] v = m.vertices();
            float[] normals = vertexNormals(m);
            int positions = view(views, bin, ARRAY_BUFFER, 12 * m.vertexCount());
            float[] min = { Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE };
            float[] max = { -Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE };
            for (int p = 0; p < v.length; p++) {
                bin.putFloat(v[p]);
                min[p % 3] = Math.min(min[p % 3], v[p]);
                max[p % 3] = Math.max(max[p % 3], v[p]);
            }
            int normalView = view(views, bin, ARRAY_BUFFER, 12 * m.vertexCount());
            for (float f : normals) {
                bin.putFloat(f);
            }
            int indexView = view(views, bin, ELEMENT_ARRAY_BUFFER, 4 * m.triangles().length);
            for (int t : m.triangles()) {
                bin.putInt(t);
            }
            comma(accessors).append(String.format(Locale.ROOT, "{\"bufferView\":%d,\"componentType\":%d,\"count\":%d,"
                    + "\"type\":\"VEC3\",\"min\":[%s,%s,%s],\"max\":[%s,%s,%s]}", positions, FLOAT, m.vertexCount(),
                    exact(min[0]), exact(min[1]), exact(min[2]), exact(max[0]), exact(max[1]), exact(max[2])));
            comma(accessors).append(String.format(Locale.ROOT, "{\"bufferView\":%d,\"componentType\":%d,\"count\":%d,"
                    + "\"type\":\"VEC3\"}", normalView, FLOAT, m.vertexCount()));
            comma(accessors).append(String.format(Locale.ROOT, "{\"bufferView\":%d,\"componentType\":%d,\"count\":%d,"
                    + "\"type\":\"SCALAR\"}", indexView, UNSIGNED_INT, m.triangles().length));
            comma(gltfMeshes).append(String.format(Locale.ROOT, "{\"name\":%s,\"primitives\":[{\"attributes\":"
                    + "{\"POSITION\":%d,\"NORMAL\":%d},\"indices\":%d,\"material\":%d,\"mode\":4}]}", quote(m.name()),
                    3 * i, 3 * i + 1, 3 * i + 2, i));
            comma(materials).append(String.format(Locale.ROOT, "{\"name\":%s,\"pbrMetallicRoughness\":"
                    + "{\"baseColorFactor\":[%s,%s,%s,1],\"metallicFactor\":0,\"roughnessFactor\":0.7}}",
                    quote(m.name()), linear(m.rgb() >> 16), linear(m.rgb() >> 8), linear(m.rgb())));
            comma(nodes).append(String.format(Locale.ROOT, "{\"name\":%s,\"mesh\":%d}", quote(m.name()), i));
            comma(children).append(i + 1);
        }
        StringBuilder matrix = new StringBuilder();
        for (double d : LPS_TO_GLTF) {
            comma(matrix).append(d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d));
        }
        String json = "{\"asset\":{\"version\":\"2.0\",\"generator\":\"TwinPrint\",\"extras\":{\"title\":" + quote(title)
                + ",\"units\":\"millimetres (as 3D Slicer writes glTF; not metres)\","
                + "\"frame\":\"vertex data in patient LPS (x left, y posterior, z superior); the root node turns it"
                + " to 3D Slicer's glTF axes: x = R (-L), y = S, z = P\",\"notice\":\"research tool, not a medical"
                + " device\"}},"
                + "\"scene\":0,\"scenes\":[{\"name\":" + quote(title) + ",\"nodes\":[0]}],"
                + "\"nodes\":[{\"name\":\"Patient (LPS mm)\",\"matrix\":[" + matrix + "]"
                + (n > 0 ? ",\"children\":[" + children + "]" : "") + "}" + (n > 0 ? "," + nodes : "") + "]"
                + (n > 0 ? ",\"meshes\":[" + gltfMeshes + "],\"materials\":[" + materials + "],\"accessors\":["
                        + accessors + "],\"bufferViews\":[" + views + "],\"buffers\":[{\"byteLength\":" + binLength
                        + "}]" : "")
                + "}";
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        int jsonLength = (text.length + 3) & ~3;
        long total = 12 + 8 + jsonLength + (n > 0 ? 8 + binLength : 0);
        ByteBuffer glb = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
        glb.putInt(MAGIC).putInt(2).putInt((int) total);
        glb.putInt(jsonLength).putInt(JSON).put(text);
        for (int p = text.length; p < jsonLength; p++) {
            glb.put((byte) ' ');
        }
        if (n > 0) {
            glb.putInt((int) binLength).putInt(BIN).put(bin.array(), 0, bin.position());
        }
        return glb.array();
    }

    /** A buffer view of {@code length} bytes at the buffer's current end (every part is 4-byte aligned). */
    private static int view(StringBuilder views, ByteBuffer bin, int target, int length) {
        int index = views.length() - views.toString().replace("{", "").length(); // one object per view
        comma(views).append(String.format(Locale.ROOT, "{\"buffer\":0,\"byteOffset\":%d,\"byteLength\":%d,\"target\":%d}",
                bin.position(), length, target));
        return index;
    }

    /** Unit normals at the vertices, weighted by the area of the triangles around them; +z where none. */
    static float[] vertexNormals(Mesh m) {
        float[] v = m.vertices();
        int[] t = m.triangles();
        double[] sum = new double[v.length];
        for (int i = 0; i < t.length; i += 3) {
            int a = 3 * t[i], b = 3 * t[i + 1], c = 3 * t[i + 2];
            double ux = v[b] - v[a], uy = v[b + 1] - v[a + 1], uz = v[b + 2] - v[a + 2];
            double wx = v[c] - v[a], wy = v[c + 1] - v[a + 1], wz = v[c + 2] - v[a + 2];
            double nx = uy * wz - uz * wy, ny = uz * wx - ux * wz, nz = ux * wy - uy * wx;
            for (int p : new int[] { a, b, c }) {
                sum[p] += nx;
                sum[p + 1] += ny;
                sum[p + 2] += nz;
            }
        }
        float[] out = new float[v.length];
        for (int p = 0; p < v.length; p += 3) {
            double len = Math.sqrt(sum[p] * sum[p] + sum[p + 1] * sum[p + 1] + sum[p + 2] * sum[p + 2]);
            if (len > 1e-12) {
                out[p] = (float) (sum[p] / len);
                out[p + 1] = (float) (sum[p + 1] / len);
                out[p + 2] = (float) (sum[p + 2] / len);
            } else {
                out[p + 2] = 1;
            }
        }
        return out;
    }

    private static StringBuilder comma(StringBuilder b) {
        return b.isEmpty() ? b : b.append(',');
    }

    /** The float's own value, so the declared bounds equal the data's exactly. */
    private static String exact(float f) {
        return Double.toString(f);
    }

    /** An sRGB channel (0-255) as glTF's linear colour factor. */
    private static String linear(int channel) {
        double c = (channel & 0xff) / 255.0;
        double l = c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        return String.format(Locale.ROOT, "%.5f", l);
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }
}
