package org.twinprint.meshing.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.JsonReader;

/**
 * Reads the triangle meshes of a glTF 2.0 file (.gltf with embedded or side-by-side buffers, or .glb),
 * each node's transform applied, named after its node. glTF is Y-up; TwinPrint reads it the way 3D
 * Slicer writes it (x right, y up = superior, z posterior), so a plan from Slicer comes back in
 * patient LPS millimetres: L = -x, P = z, S = y.
 */
public final class GltfFormat {

    private GltfFormat() {
    }

    public static List<Mesh> read(Path file) throws IOException {
        Map<?, ?> root;
        ByteBuffer glbBinary = null;
        try {
            byte[] head = new byte[4];
            try (var in = Files.newInputStream(file)) {
                in.readNBytes(head, 0, 4);
            }
            if (head[0] == 'g' && head[1] == 'l' && head[2] == 'T' && head[3] == 'F') {
                ByteBuffer glb = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
                int jsonLength = glb.getInt(12);
                root = (Map<?, ?>) JsonReader.parse(new String(glb.array(), 20, jsonLength,
                        java.nio.charset.StandardCharsets.UTF_8));
                if (glb.limit() >= 28 + jsonLength) {
                    int binLength = glb.getInt(20 + jsonLength);
                    glbBinary = ByteBuffer.wrap(glb.array(), 28 + jsonLength, binLength).slice()
                            .order(ByteOrder.LITTLE_ENDIAN);
                }
            } else {
                root = (Map<?, ?>) JsonReader.parse(Files.readString(file));
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": not glTF: " + e.getMessage(), e);
        }
        try {
            return new Reader(file, root, glbBinary).meshes();
        } catch (RuntimeException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static final class Reader {
        private final Map<?, ?> root;
        private final List<ByteBuffer> buffers = new ArrayList<>();
        private final List<Mesh> out = new ArrayList<>();

        Reader(Path file, Map<?, ?> root, ByteBuffer glbBinary) throws IOException {
            this.root = root;
            for (Object b : list("buffers")) {
                if (!((Map<?, ?>) b).containsKey("uri") && glbBinary != null) {
                    buffers.add(glbBinary); // a GLB's own binary chunk
                    continue;
                }
                String uri = String.valueOf(((Map<?, ?>) b).get("uri"));
                byte[] bytes = uri.startsWith("data:") ? Base64.getDecoder().decode(uri.substring(uri.indexOf(',') + 1))
                        : Files.readAllBytes(file.resolveSibling(uri));
                buffers.add(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
            }
        }

        List<?> list(String key) {
            Object o = root.get(key);
            return o == null ? List.of() : (List<?>) o;
        }

        List<Mesh> meshes() {
            Map<?, ?> scene = (Map<?, ?>) list("scenes").get(root.containsKey("scene") ? number(root.get("scene")) : 0);
            for (Object n : (List<?>) scene.get("nodes")) {
                visit(number(n), identity());
            }
            return out;
        }

        private void visit(int index, double[] parent) {
            Map<?, ?> node = (Map<?, ?>) list("nodes").get(index);
            double[] world = multiply(parent, local(node));
            if (node.containsKey("mesh")) {
                Map<?, ?> mesh = (Map<?, ?>) list("meshes").get(number(node.get("mesh")));
                String name = String.valueOf(node.containsKey("name") ? node.get("name") : mesh.get("name"));
                for (Object p : (List<?>) mesh.get("primitives")) {
                    Mesh m = primitive((Map<?, ?>) p, world, name);
                    if (m != null) {
                        out.add(m);
                    }
                }
            }
            if (node.containsKey("children")) {
                for (Object child : (List<?>) node.get("children")) {
                    visit(number(child), world);
                }
            }
        }

        private Mesh primitive(Map<?, ?> p, double[] world, String name) {
            int mode = p.containsKey("mode") ? number(p.get("mode")) : 4;
            if (mode != 4) {
                return null; // points and lines are not surfaces
            }
            float[] local = floats(number(((Map<?, ?>) p.get("attributes")).get("POSITION")));
            float[] v = new float[local.length];
            for (int i = 0; i < local.length; i += 3) {
                double x = local[i], y = local[i + 1], z = local[i + 2];
                double gx = world[0] * x + world[4] * y + world[8] * z + world[12];
                double gy = world[1] * x + world[5] * y + world[9] * z + world[13];
                double gz = world[2] * x + world[6] * y + world[10] * z + world[14];
                v[i] = (float) -gx; // L
                v[i + 1] = (float) gz; // P
                v[i + 2] = (float) gy; // S
            }
            int[] t;
            if (p.containsKey("indices")) {
                t = ints(number(p.get("indices")));
            } else {
                t = new int[v.length / 3];
                for (int i = 0; i < t.length; i++) {
                    t[i] = i;
                }
            }
            if (determinant(world) < 0) { // a mirroring node turns the triangles inside out: turn them back
                for (int i = 0; i < t.length; i += 3) {
                    int swap = t[i + 1];
                    t[i + 1] = t[i + 2];
                    t[i + 2] = swap;
                }
            }
            return new Mesh(name, v, t);
        }

        private float[] floats(int accessor) {
            Map<?, ?> a = (Map<?, ?>) list("accessors").get(accessor);
            if (number(a.get("componentType")) != 5126 || !"VEC3".equals(a.get("type"))) {
                throw new IllegalArgumentException("accessor " + accessor + ": positions must be float VEC3");
            }
            int count = number(a.get("count"));
            ByteBuffer b = view(a);
            int stride = stride(a, 12);
            float[] out = new float[3 * count];
            for (int i = 0; i < count; i++) {
                for (int k = 0; k < 3; k++) {
                    out[3 * i + k] = b.getFloat(b.position() + i * stride + 4 * k);
                }
            }
            return out;
        }

        private int[] ints(int accessor) {
            Map<?, ?> a = (Map<?, ?>) list("accessors").get(accessor);
            int type = number(a.get("componentType")), count = number(a.get("count"));
            ByteBuffer b = view(a);
            int size = switch (type) {
            case 5121 -> 1;
            case 5123 -> 2;
            case 5125 -> 4;
            default -> throw new IllegalArgumentException("accessor " + accessor + ": indices of type " + type);
            };
            int[] out = new int[count];
            for (int i = 0; i < count; i++) {
                int at = b.position() + i * size;
                out[i] = size == 1 ? b.get(at) & 0xff : size == 2 ? b.getShort(at) & 0xffff : b.getInt(at);
            }
            return out;
        }

        /** The bytes of an accessor's buffer view, positioned at the accessor's first element. */
        private ByteBuffer view(Map<?, ?> a) {
            Map<?, ?> view = (Map<?, ?>) list("bufferViews").get(number(a.get("bufferView")));
            ByteBuffer b = buffers.get(number(view.get("buffer"))).duplicate().order(ByteOrder.LITTLE_ENDIAN);
            int offset = (view.containsKey("byteOffset") ? number(view.get("byteOffset")) : 0)
                    + (a.containsKey("byteOffset") ? number(a.get("byteOffset")) : 0);
            b.position(offset);
            return b;
        }

        private int stride(Map<?, ?> a, int packed) {
            Map<?, ?> view = (Map<?, ?>) list("bufferViews").get(number(a.get("bufferView")));
            return view.containsKey("byteStride") ? number(view.get("byteStride")) : packed;
        }

        /** A node's matrix (column-major), or its translation, rotation (quaternion) and scale. */
        private static double[] local(Map<?, ?> node) {
            if (node.containsKey("matrix")) {
                return doubles((List<?>) node.get("matrix"));
            }
            double[] t = node.containsKey("translation") ? doubles((List<?>) node.get("translation")) : new double[3];
            double[] q = node.containsKey("rotation") ? doubles((List<?>) node.get("rotation")) : new double[] { 0, 0, 0, 1 };
            double[] s = node.containsKey("scale") ? doubles((List<?>) node.get("scale")) : new double[] { 1, 1, 1 };
            double x = q[0], y = q[1], z = q[2], w = q[3];
            double[] r = { 1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w), // column 0
                    2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w), // column 1
                    2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y) }; // column 2
            return new double[] { r[0] * s[0], r[1] * s[0], r[2] * s[0], 0, r[3] * s[1], r[4] * s[1], r[5] * s[1], 0,
                    r[6] * s[2], r[7] * s[2], r[8] * s[2], 0, t[0], t[1], t[2], 1 };
        }

        private static double[] identity() {
            return new double[] { 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1 };
        }

        /** a b, both column-major 4 x 4. */
        private static double[] multiply(double[] a, double[] b) {
            double[] c = new double[16];
            for (int col = 0; col < 4; col++) {
                for (int row = 0; row < 4; row++) {
                    double sum = 0;
                    for (int k = 0; k < 4; k++) {
                        sum += a[4 * k + row] * b[4 * col + k];
                    }
                    c[4 * col + row] = sum;
                }
            }
            return c;
        }

        private static double determinant(double[] m) {
            return m[0] * (m[5] * m[10] - m[9] * m[6]) - m[4] * (m[1] * m[10] - m[9] * m[2])
                    + m[8] * (m[1] * m[6] - m[5] * m[2]);
        }

        private static double[] doubles(List<?> values) {
            return values.stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
        }

        private static int number(Object o) {
            return ((Number) o).intValue();
        }
    }
}
