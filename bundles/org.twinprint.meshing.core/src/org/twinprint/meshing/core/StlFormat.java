package org.twinprint.meshing.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.files.AtomicFiles;

/**
 * STL in and out. STL has no field for units, so TwinPrint writes them where a reader sees them:
 * the 80-byte header of binary STL and the solid name of ASCII STL say "mm, patient LPS".
 * Reading welds the triangle corners of the file into shared vertices.
 */
public final class StlFormat {

    static final String UNITS = "units mm, coordinates patient LPS";

    private StlFormat() {
    }

    public static void writeBinary(Path file, List<Mesh> meshes) throws IOException {
        AtomicFiles.write(file, stream -> {
            byte[] header = new byte[84];
            byte[] text = ("TwinPrint STL, " + UNITS).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, header, 0, Math.min(80, text.length));
            long count = meshes.stream().mapToLong(Mesh::triangleCount).sum();
            ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).putInt(80, (int) count);
            stream.write(header);
            // two 50-byte records (normal, three corners, empty attribute) are 25 little-endian words:
            // they are filled as words, a block at a time, and copied into bytes in one go
            byte[] block = new byte[50 * BLOCK];
            IntBuffer blockWords = ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
            int[] words = new int[25 * BLOCK / 2];
            int[] second = new int[12];
            double[] normal = new double[3];
            for (Mesh m : meshes) {
                float[] v = m.vertices();
                int[] tri = m.triangles();
                for (int first = 0; first < m.triangleCount(); first += BLOCK) {
                    int n = Math.min(BLOCK, m.triangleCount() - first);
                    for (int i = 0, w = 0; i < n; i += 2, w += 25) {
                        record(v, tri, first + i, words, w, normal);
                        if (i + 1 < n) {
                            record(v, tri, first + i + 1, second, 0, normal);
                            shiftedAfterAttribute(second, words, w + 12);
                        } else {
                            words[w + 12] = 0; // the last record's attribute
                        }
                    }
                    blockWords.put(0, words, 0, (50 * n + 3) / 4);
                    stream.write(block, 0, 50 * n);
                }
            }
        });
    }

    /** Triangles per block of the binary writer; even, so a block is whole words. */
    private static final int BLOCK = 4096;

    /** Triangle t's record as 12 words at {@code at}: unit normal, three corners. */
    private static void record(float[] v, int[] tri, int t, int[] out, int at, double[] n) {
        int a = 3 * tri[3 * t], b = 3 * tri[3 * t + 1], c = 3 * tri[3 * t + 2];
        Normals.scaled(v, a, b, c, n);
        double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
        if (len == 0) {
            n[0] = n[1] = n[2] = 0;
            len = 1;
        }
        out[at] = Float.floatToRawIntBits((float) (n[0] / len));
        out[at + 1] = Float.floatToRawIntBits((float) (n[1] / len));
        out[at + 2] = Float.floatToRawIntBits((float) (n[2] / len));
        corner(v, a, out, at + 3);
        corner(v, b, out, at + 6);
        corner(v, c, out, at + 9);
    }

    private static void corner(float[] v, int p, int[] out, int at) {
        out[at] = Float.floatToRawIntBits(v[p]);
        out[at + 1] = Float.floatToRawIntBits(v[p + 1]);
        out[at + 2] = Float.floatToRawIntBits(v[p + 2]);
    }

    /**
     * The second record of a pair, two bytes into word {@code at} (after the first's zero attribute),
     * so each word holds the high half of one value and the low half of the next; the last word ends
     * with the second's zero attribute.
     */
    private static void shiftedAfterAttribute(int[] record, int[] out, int at) {
        out[at] = record[0] << 16;
        for (int k = 1; k < 12; k++) {
            out[at + k] = record[k - 1] >>> 16 | record[k] << 16;
        }
        out[at + 12] = record[11] >>> 16;
    }

    public static void writeAscii(Path file, List<Mesh> meshes) throws IOException {
        AtomicFiles.write(file, stream -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.US_ASCII), 1 << 16);
            float[] n = new float[3];
            for (Mesh m : meshes) {
                String name = m.name().replaceAll("\\s+", "_") + " (" + UNITS + ")";
                w.write("solid " + name + "\n");
                float[] v = m.vertices();
                int[] tri = m.triangles();
                for (int t = 0; t < m.triangleCount(); t++) {
                    Normals.facet(v, tri, t, n);
                    w.write(String.format(Locale.ROOT, "facet normal %e %e %e\n outer loop\n", n[0], n[1], n[2]));
                    for (int k = 0; k < 3; k++) {
                        int p = 3 * tri[3 * t + k];
                        w.write(String.format(Locale.ROOT, "  vertex %e %e %e\n", v[p], v[p + 1], v[p + 2]));
                    }
                    w.write(" endloop\nendfacet\n");
                }
                w.write("endsolid " + name + "\n");
            }
            w.flush();
        });
    }

    /** Reads binary or ASCII STL; corners at the same position become one vertex. */
    public static Mesh read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String name = file.getFileName().toString().replaceFirst("(?i)\\.stl$", "");
        if (bytes.length >= 84) {
            ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            long count = b.getInt(80) & 0xffffffffL;
            if (84 + 50 * count == bytes.length) {
                return readBinary(b, (int) count, name);
            }
        }
        String text = new String(bytes, StandardCharsets.US_ASCII);
        if (!text.stripLeading().startsWith("solid")) {
            throw new IOException(file + ": not an STL file (binary size does not match its triangle count, and"
                    + " it does not start with 'solid')");
        }
        return readAscii(text, name, file);
    }

    private static Mesh readBinary(ByteBuffer b, int count, String name) {
        Welder welder = new Welder(count);
        int[] tri = new int[3 * count];
        int at = 84;
        for (int t = 0; t < count; t++, at += 50) {
            for (int k = 0; k < 3; k++) {
                int p = at + 12 + 12 * k;
                tri[3 * t + k] = welder.index(b.getFloat(p), b.getFloat(p + 4), b.getFloat(p + 8));
            }
        }
        return new Mesh(name, welder.vertices(), tri);
    }

    private static Mesh readAscii(String text, String name, Path file) throws IOException {
        String[] words = text.split("\\s+");
        Welder welder = new Welder(words.length / 30);
        int[] tri = new int[words.length / 10 + 3];
        int corners = 0;
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("vertex")) {
                if (i + 3 >= words.length) {
                    throw new IOException(file + ": truncated vertex at the end of the file");
                }
                try {
                    if (corners == tri.length) {
                        tri = java.util.Arrays.copyOf(tri, tri.length * 2);
                    }
                    tri[corners++] = welder.index(Float.parseFloat(words[i + 1]), Float.parseFloat(words[i + 2]),
                            Float.parseFloat(words[i + 3]));
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": bad vertex coordinate '" + e.getMessage() + "'");
                }
                i += 3;
            }
        }
        if (corners % 3 != 0) {
            throw new IOException(file + ": " + corners + " vertices do not make whole triangles");
        }
        return new Mesh(name, welder.vertices(), java.util.Arrays.copyOf(tri, corners));
    }

    /**
     * Gives each distinct position (bit for bit, as {@link PositionWelding} compares) one vertex
     * index, in order of first appearance: an open-addressing table of indices, no boxing.
     */
    private static final class Welder {
        private int[] table;
        private float[] xyz;
        private int count;

        Welder(int triangles) {
            xyz = new float[Math.max(12, triangles * 3 / 2 * 3)];
            table = new int[Integer.highestOneBit(Math.max(16, triangles)) << 1];
            java.util.Arrays.fill(table, -1);
        }

        int index(float x, float y, float z) {
            int bx = Float.floatToIntBits(x), by = Float.floatToIntBits(y), bz = Float.floatToIntBits(z);
            int mask = table.length - 1;
            for (int slot = slot(bx, by, bz, mask);; slot = (slot + 1) & mask) {
                int i = table[slot];
                if (i < 0) {
                    table[slot] = add(x, y, z);
                    if (2 * count > table.length) {
                        grow();
                    }
                    return count - 1;
                }
                if (Float.floatToIntBits(xyz[3 * i]) == bx && Float.floatToIntBits(xyz[3 * i + 1]) == by
                        && Float.floatToIntBits(xyz[3 * i + 2]) == bz) {
                    return i;
                }
            }
        }

        private static int slot(int bx, int by, int bz, int mask) {
            return PositionWelding.hash(bx, by, bz) & mask;
        }

        /** Doubles the table, placing every vertex again. */
        private void grow() {
            table = new int[table.length * 2];
            java.util.Arrays.fill(table, -1);
            int mask = table.length - 1;
            for (int i = 0; i < count; i++) {
                int slot = slot(Float.floatToIntBits(xyz[3 * i]), Float.floatToIntBits(xyz[3 * i + 1]),
                        Float.floatToIntBits(xyz[3 * i + 2]), mask);
                while (table[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot] = i;
            }
        }

        private int add(float x, float y, float z) {
            if (3 * count + 3 > xyz.length) {
                xyz = java.util.Arrays.copyOf(xyz, xyz.length * 2);
            }
            xyz[3 * count] = x;
            xyz[3 * count + 1] = y;
            xyz[3 * count + 2] = z;
            return count++;
        }

        float[] vertices() {
            return java.util.Arrays.copyOf(xyz, 3 * count);
        }
    }
}
