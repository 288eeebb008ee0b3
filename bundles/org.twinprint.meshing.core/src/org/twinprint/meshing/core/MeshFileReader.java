package org.twinprint.meshing.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.twinprint.core.model.Mesh;

/**
 * Reads every mesh format TwinPrint writes (STL, OBJ, PLY, 3MF), so that what it exports can be
 * checked, filtered and printed again. A mesh must have triangles and finite coordinates: a file
 * that breaks either is refused, naming the file and the first bad vertex.
 */
public final class MeshFileReader {

    private MeshFileReader() {
    }

    public static List<Mesh> read(Path file) throws IOException {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        String base = name.replaceFirst("\\.[^.]*$", "");
        List<Mesh> meshes;
        if (lower.endsWith(".stl")) {
            meshes = List.of(StlFormat.read(file));
        } else if (lower.endsWith(".obj")) {
            meshes = obj(file, base);
        } else if (lower.endsWith(".ply")) {
            meshes = List.of(ply(file, base));
        } else if (lower.endsWith(".3mf")) {
            meshes = threeMf(file);
        } else if (lower.endsWith(".gltf") || lower.endsWith(".glb")) {
            meshes = GltfFormat.read(file);
        } else {
            throw new IOException(file + ": not a mesh file (.stl, .obj, .ply, .3mf, .gltf or .glb)");
        }
        if (meshes.isEmpty() || meshes.stream().allMatch(m -> m.triangleCount() == 0)) {
            throw new IOException(file + ": holds no triangles");
        }
        for (Mesh m : meshes) {
            requireFinite(file, m);
        }
        return meshes;
    }

    /** Refuses a mesh with a coordinate that is not a finite number, naming the vertex. */
    static void requireFinite(Path file, Mesh m) throws IOException {
        float[] v = m.vertices();
        for (int i = 0; i < v.length; i++) {
            if (!Float.isFinite(v[i])) {
                throw new IOException(file + ": vertex " + i / 3 + " of " + m.name() + " has the coordinate " + v[i]
                        + "; a printable mesh has finite coordinates in mm");
            }
        }
        int[] t = m.triangles();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= m.vertexCount()) {
                throw new IOException(file + ": triangle " + i / 3 + " names vertex " + t[i] + " of "
                        + m.vertexCount());
            }
        }
    }

    /** Wavefront OBJ: v and f lines (f may carry /vt/vn and negative indices; polygons are fanned). */
    private static List<Mesh> obj(Path file, String base) throws IOException {
        List<Mesh> meshes = new ArrayList<>();
        FloatList xyz = new FloatList();
        IntList tri = new IntList();
        String object = base;
        int first = 0; // the first vertex of the current object, in the file's numbering
        int lineNumber = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            lineNumber++;
            String[] w = line.strip().split("\\s+");
            try {
                switch (w[0]) {
                case "v" -> xyz.add(Float.parseFloat(w[1]), Float.parseFloat(w[2]), Float.parseFloat(w[3]));
                case "f" -> {
                    int[] corner = new int[w.length - 1];
                    for (int k = 1; k < w.length; k++) {
                        int index = Integer.parseInt(w[k].split("/")[0]);
                        corner[k - 1] = (index < 0 ? xyz.size() / 3 + index : index - 1) - first;
                    }
                    for (int k = 1; k + 1 < corner.length; k++) {
                        tri.add(corner[0], corner[k], corner[k + 1]);
                    }
                }
                case "o", "g" -> {
                    if (tri.size() > 0) {
                        meshes.add(objMesh(object, xyz, first, tri));
                        first = xyz.size() / 3;
                        tri = new IntList();
                    }
                    object = w.length > 1 ? line.strip().substring(2).strip() : base;
                }
                default -> {
                    // normals, texture coordinates, materials, comments: not geometry
                }
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ": line " + lineNumber + " cannot be read: " + line.strip());
            }
        }
        if (tri.size() > 0) {
            meshes.add(objMesh(object, xyz, first, tri));
        }
        return meshes;
    }

    private static Mesh objMesh(String name, FloatList xyz, int first, IntList tri) {
        return new Mesh(name, java.util.Arrays.copyOfRange(xyz.values, 3 * first, xyz.size()), tri.toArray());
    }

    /** PLY, ASCII or binary little endian: x, y, z of each vertex (other properties passed over), faces fanned. */
    private static Mesh ply(Path file, String base) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int end = indexOf(all, "end_header\n");
        if (!new String(all, 0, Math.min(4, all.length), StandardCharsets.US_ASCII).equals("ply\n") || end < 0) {
            throw new IOException(file + ": not a PLY file (no 'ply' ... 'end_header')");
        }
        String[] header = new String(all, 0, end, StandardCharsets.US_ASCII).split("\n");
        String format = "";
        int vertices = 0, faces = 0;
        List<String> vertexProperties = new ArrayList<>();
        String faceCount = "uchar", faceIndex = "int";
        String element = "";
        for (String h : header) {
            String[] w = h.strip().split("\\s+");
            switch (w[0]) {
            case "format" -> format = w[1];
            case "element" -> {
                element = w[1];
                if (element.equals("vertex")) {
                    vertices = Integer.parseInt(w[2]);
                } else if (element.equals("face")) {
                    faces = Integer.parseInt(w[2]);
                }
            }
            case "property" -> {
                if (element.equals("vertex")) {
                    vertexProperties.add(w[1] + " " + w[w.length - 1]);
                } else if (element.equals("face") && w[1].equals("list")) {
                    faceCount = w[2];
                    faceIndex = w[3];
                }
            }
            default -> {
            }
            }
        }
        if (vertices < 0 || faces < 0 || (long) vertices * 3 > Integer.MAX_VALUE / 2) {
            throw new IOException(file + ": PLY element counts " + vertices + " and " + faces + " cannot be");
        }
        float[] xyz = new float[3 * vertices];
        IntList tri = new IntList();
        int at = end + "end_header\n".length();
        if (format.equals("ascii")) {
            String[] w = new String(all, at, all.length - at, StandardCharsets.US_ASCII).strip().split("\\s+");
            int p = 0;
            try {
                for (int v = 0; v < vertices; v++) {
                    for (String prop : vertexProperties) {
                        String n = prop.substring(prop.indexOf(' ') + 1);
                        float value = Float.parseFloat(w[p++]);
                        int axis = "xyz".indexOf(n.length() == 1 ? n.charAt(0) : '?');
                        if (axis >= 0) {
                            xyz[3 * v + axis] = value;
                        }
                    }
                }
                for (int f = 0; f < faces; f++) {
                    int n = Integer.parseInt(w[p++]);
                    int[] c = new int[n];
                    for (int k = 0; k < n; k++) {
                        c[k] = Integer.parseInt(w[p++]);
                    }
                    fan(c, tri);
                }
            } catch (RuntimeException e) {
                throw new IOException(file + ": PLY data ends or breaks before its header's counts");
            }
        } else if (format.equals("binary_little_endian")) {
            ByteBuffer b = ByteBuffer.wrap(all).order(ByteOrder.LITTLE_ENDIAN);
            try {
                for (int v = 0; v < vertices; v++) {
                    for (String prop : vertexProperties) {
                        String type = prop.substring(0, prop.indexOf(' ')), n = prop.substring(prop.indexOf(' ') + 1);
                        double value = number(b, at, type);
                        at += size(type);
                        int axis = n.length() == 1 ? "xyz".indexOf(n.charAt(0)) : -1;
                        if (axis >= 0) {
                            xyz[3 * v + axis] = (float) value;
                        }
                    }
                }
                for (int f = 0; f < faces; f++) {
                    int n = (int) number(b, at, faceCount);
                    at += size(faceCount);
                    int[] c = new int[n];
                    for (int k = 0; k < n; k++) {
                        c[k] = (int) number(b, at, faceIndex);
                        at += size(faceIndex);
                    }
                    fan(c, tri);
                }
            } catch (IndexOutOfBoundsException e) {
                throw new IOException(file + ": PLY data ends before its header's counts");
            }
        } else {
            throw new IOException(file + ": PLY format '" + format + "' is not read (ascii and binary_little_endian"
                    + " are)");
        }
        return new Mesh(base, xyz, tri.toArray());
    }

    private static void fan(int[] corners, IntList tri) {
        for (int k = 1; k + 1 < corners.length; k++) {
            tri.add(corners[0], corners[k], corners[k + 1]);
        }
    }

    private static int size(String type) {
        return switch (type) {
        case "char", "uchar", "int8", "uint8" -> 1;
        case "short", "ushort", "int16", "uint16" -> 2;
        case "double", "float64" -> 8;
        default -> 4;
        };
    }

    private static double number(ByteBuffer b, int at, String type) {
        return switch (type) {
        case "char", "int8" -> b.get(at);
        case "uchar", "uint8" -> b.get(at) & 0xff;
        case "short", "int16" -> b.getShort(at);
        case "ushort", "uint16" -> b.getShort(at) & 0xffff;
        case "int", "int32" -> b.getInt(at);
        case "uint", "uint32" -> b.getInt(at) & 0xffffffffL;
        case "double", "float64" -> b.getDouble(at);
        default -> b.getFloat(at);
        };
    }

    /** 3MF: each object of the model part a mesh, with its name; the unit given in the model is made mm. */
    private static List<Mesh> threeMf(Path file) throws IOException {
        List<Mesh> meshes = new ArrayList<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry model = zip.getEntry("3D/3dmodel.model");
            if (model == null) {
                throw new IOException(file + ": a 3MF package without 3D/3dmodel.model");
            }
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false); // no external entities from a file
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            try (InputStream in = zip.getInputStream(model)) {
                XMLStreamReader x = factory.createXMLStreamReader(in);
                double scale = 1;
                String name = null;
                FloatList xyz = null;
                IntList tri = null;
                while (x.hasNext()) {
                    if (x.next() != XMLStreamReader.START_ELEMENT && x.getEventType() != XMLStreamReader.END_ELEMENT) {
                        continue;
                    }
                    String tag = x.getLocalName();
                    if (x.getEventType() == XMLStreamReader.END_ELEMENT) {
                        if (tag.equals("object") && xyz != null) {
                            meshes.add(new Mesh(name, xyz.toArray(), tri.toArray()));
                            xyz = null;
                        }
                        continue;
                    }
                    switch (tag) {
                    case "model" -> scale = unit(x.getAttributeValue(null, "unit"));
                    case "object" -> {
                        name = x.getAttributeValue(null, "name");
                        name = name == null ? "object " + x.getAttributeValue(null, "id") : name;
                        xyz = new FloatList();
                        tri = new IntList();
                    }
                    case "vertex" -> xyz.add((float) (scale * Double.parseDouble(x.getAttributeValue(null, "x"))),
                            (float) (scale * Double.parseDouble(x.getAttributeValue(null, "y"))),
                            (float) (scale * Double.parseDouble(x.getAttributeValue(null, "z"))));
                    case "triangle" -> tri.add(Integer.parseInt(x.getAttributeValue(null, "v1")),
                            Integer.parseInt(x.getAttributeValue(null, "v2")),
                            Integer.parseInt(x.getAttributeValue(null, "v3")));
                    default -> {
                    }
                    }
                }
            } catch (XMLStreamException | RuntimeException e) {
                throw new IOException(file + ": the 3MF model cannot be read (" + e.getMessage() + ")");
            }
        } catch (java.util.zip.ZipException e) {
            throw new IOException(file + ": not a 3MF package (" + e.getMessage() + ")");
        }
        return meshes;
    }

    private static double unit(String unit) {
        return switch (unit == null ? "millimeter" : unit) {
        case "micron" -> 0.001;
        case "centimeter" -> 10;
        case "inch" -> 25.4;
        case "foot" -> 304.8;
        case "meter" -> 1000;
        default -> 1;
        };
    }

    private static int indexOf(byte[] all, String text) {
        byte[] t = text.getBytes(StandardCharsets.US_ASCII);
        outer: for (int i = 0, n = Math.min(all.length - t.length, 1 << 16); i <= n; i++) {
            for (int k = 0; k < t.length; k++) {
                if (all[i + k] != t[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A growing array of floats. */
    private static final class FloatList {
        float[] values = new float[48];
        int size;

        void add(float x, float y, float z) {
            if (size + 3 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = x;
            values[size++] = y;
            values[size++] = z;
        }

        int size() {
            return size;
        }

        float[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }

    /** A growing array of ints. */
    private static final class IntList {
        int[] values = new int[48];
        int size;

        void add(int a, int b, int c) {
            if (size + 3 > values.length) {
                values = java.util.Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = a;
            values[size++] = b;
            values[size++] = c;
        }

        int size() {
            return size;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(values, size);
        }
    }
}
