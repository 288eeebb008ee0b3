package org.twinprint.meshing.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Mesh;

class FormatsTest {

    private final Mesh red = new Mesh("Left kidney", 0xc0392b, Shapes.box().vertices(), Shapes.box().triangles());

    @Test
    void objStatesUnitsAndCountsFromOne(@TempDir Path dir) throws IOException {
        Path obj = dir.resolve("box.obj");
        ObjFormat.write(obj, List.of(red));
        List<String> lines = Files.readAllLines(obj);
        assertTrue(lines.contains("# units: millimetres"));
        assertTrue(lines.contains("o Left_kidney"));
        assertEquals(8, lines.stream().filter(l -> l.startsWith("v ")).count());
        assertEquals("f 1 3 2", lines.stream().filter(l -> l.startsWith("f ")).findFirst().orElseThrow());
    }

    @Test
    void binaryStlHoldsFiftyByteRecordsWhateverTheCountsParity(@TempDir Path dir) throws IOException {
        int[] all = red.triangles();
        // 12, 11 and 1 triangles: the writer packs the records two by two, an odd one last
        for (int count : new int[] { 12, 11, 1 }) {
            Mesh m = new Mesh(red.name(), red.rgb(), red.vertices(), Arrays.copyOf(all, 3 * count));
            Path stl = dir.resolve(count + ".stl");
            StlFormat.writeBinary(stl, List.of(m));
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(stl)).order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(84 + 50 * count, b.capacity());
            assertEquals(count, b.getInt(80));
            float[] v = m.vertices(), normal = new float[3];
            for (int t = 0; t < count; t++) {
                int at = 84 + 50 * t;
                Normals.facet(v, all, t, normal);
                for (int k = 0; k < 3; k++) {
                    assertEquals(normal[k], b.getFloat(at + 4 * k), count + " triangles, normal of " + t);
                    for (int corner = 0; corner < 3; corner++) {
                        assertEquals(v[3 * all[3 * t + corner] + k], b.getFloat(at + 12 + 12 * corner + 4 * k),
                                count + " triangles, triangle " + t + " corner " + corner);
                    }
                }
                assertEquals(0, b.getShort(at + 48), "attribute of " + t);
            }
        }
    }

    @Test
    void plyHeaderDeclaresItsContentAndUnits(@TempDir Path dir) throws IOException {
        Path ply = dir.resolve("box.ply");
        PlyFormat.write(ply, List.of(red));
        byte[] bytes = Files.readAllBytes(ply);
        String head = new String(bytes, 0, 400, StandardCharsets.US_ASCII);
        assertTrue(head.contains("element vertex 8") && head.contains("element face 12"), head);
        assertTrue(head.contains("comment units: millimetres"));
        int body = head.indexOf("end_header\n") + "end_header\n".length();
        assertEquals(body + 8 * 15 + 12 * 13, bytes.length, "8 vertices of 15 bytes, 12 faces of 13 bytes");
    }

    @Test
    void threeMfHoldsOneColouredNamedObjectPerMeshInMillimetres(@TempDir Path dir) throws IOException {
        Mesh blue = new Mesh("Tumour & margin", 0x2980b9, Shapes.box().vertices(), Shapes.box().triangles());
        Path file = dir.resolve("case.3mf");
        ThreeMfFormat.write(file, List.of(red, blue), "Case 7");
        try (ZipFile zip = new ZipFile(file.toFile())) {
            assertTrue(zip.getEntry("[Content_Types].xml") != null && zip.getEntry("_rels/.rels") != null);
            String model = new String(zip.getInputStream(zip.getEntry("3D/3dmodel.model")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(model.contains("unit=\"millimeter\""));
            assertTrue(model.contains("<base name=\"Left kidney\" displaycolor=\"#C0392B\"/>"), model);
            assertTrue(model.contains("name=\"Tumour &amp; margin\" pid=\"1\" pindex=\"1\""), model);
            assertEquals(2, model.split("<object ").length - 1);
            assertEquals(24, model.split("<triangle ").length - 1);
        }
    }

    @Test
    void aFailedExportLeavesNoFileBehind(@TempDir Path dir) throws IOException {
        Path stl = dir.resolve("model.stl");
        Files.writeString(stl, "previous export");
        Mesh broken = new Mesh("broken", new float[] { 0, 0, 0 }, new int[] { 0, 1, 2 }); // vertex 1 missing
        assertThrows(RuntimeException.class, () -> StlFormat.writeBinary(stl, List.of(broken)));
        assertEquals("previous export", Files.readString(stl));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void aFileThatIsNotStlIsRefusedByName(@TempDir Path dir) throws IOException {
        Path notStl = Files.writeString(dir.resolve("notes.stl"), "these are notes");
        IOException e = assertThrows(IOException.class, () -> StlFormat.read(notStl));
        assertTrue(e.getMessage().startsWith(notStl.toString()), e.getMessage());
    }
}
