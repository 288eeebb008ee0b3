package org.twinprint.meshing.core;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.twinprint.core.model.Mesh;
import org.twinprint.core.files.AtomicFiles;

/**
 * 3MF (3D Manufacturing Format): one object per mesh with its name and colour (a base material),
 * unit millimetre; metadata says the coordinates are patient LPS.
 */
public final class ThreeMfFormat {

    private static final String CORE = "http://schemas.microsoft.com/3dmanufacturing/core/2015/02";
    /** TwinPrint's namespace for object metadata (3MF requires custom names to be namespaced). */
    private static final String OWN = "urn:twinprint:3mf:2026";

    private ThreeMfFormat() {
    }

    public static void write(Path file, List<Mesh> meshes, String title) throws IOException {
        AtomicFiles.write(file, stream -> {
            ZipOutputStream zip = new ZipOutputStream(stream);
            entry(zip, "[Content_Types].xml", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                      <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                      <Default Extension="model" ContentType="application/vnd.ms-package.3dmanufacturing-3dmodel+xml"/>
                    </Types>
                    """);
            entry(zip, "_rels/.rels", """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                      <Relationship Target="/3D/3dmodel.model" Id="rel0" Type="http://schemas.microsoft.com/3dmanufacturing/2013/01/3dmodel"/>
                    </Relationships>
                    """);
            zip.putNextEntry(new ZipEntry("3D/3dmodel.model"));
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(zip, StandardCharsets.UTF_8), 1 << 16);
            writeModel(w, meshes, title);
            w.flush();
            zip.closeEntry();
            zip.finish();
        });
    }

    private static void writeModel(BufferedWriter w, List<Mesh> meshes, String title) throws IOException {
        w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        w.write("<model unit=\"millimeter\" xml:lang=\"en-US\" xmlns=\"" + CORE + "\" xmlns:twinprint=\"" + OWN
                + "\">\n");
        w.write(" <metadata name=\"Title\">" + xml(title) + "</metadata>\n");
        w.write(" <metadata name=\"Application\">TwinPrint</metadata>\n");
        w.write(" <metadata name=\"Description\">Coordinates in millimetres, patient LPS"
                + " (x to the patient's left, y posterior, z superior).</metadata>\n");
        w.write(" <resources>\n  <basematerials id=\"1\">\n");
        for (Mesh m : meshes) {
            w.write(String.format(Locale.ROOT, "   <base name=\"%s\" displaycolor=\"#%06X\"/>\n", xml(m.name()),
                    m.rgb() & 0xffffff));
        }
        w.write("  </basematerials>\n");
        for (int i = 0; i < meshes.size(); i++) {
            Mesh m = meshes.get(i);
            w.write(String.format(Locale.ROOT, "  <object id=\"%d\" type=\"model\" name=\"%s\" pid=\"1\" pindex=\"%d\">\n",
                    i + 2, xml(m.name()), i));
            // the colour again as object metadata, for readers that ignore base materials
            w.write(String.format(Locale.ROOT, "   <metadatagroup>\n    <metadata name=\"twinprint:color\">#%06X</metadata>\n"
                    + "    <metadata name=\"twinprint:coordinates\">patient LPS, mm</metadata>\n   </metadatagroup>\n",
                    m.rgb() & 0xffffff));
            w.write("   <mesh>\n    <vertices>\n");
            float[] v = m.vertices();
            for (int k = 0; k < v.length; k += 3) {
                w.write(String.format(Locale.ROOT, "     <vertex x=\"%.6g\" y=\"%.6g\" z=\"%.6g\"/>\n", v[k], v[k + 1],
                        v[k + 2]));
            }
            w.write("    </vertices>\n    <triangles>\n");
            int[] t = m.triangles();
            for (int k = 0; k < t.length; k += 3) {
                w.write("     <triangle v1=\"" + t[k] + "\" v2=\"" + t[k + 1] + "\" v3=\"" + t[k + 2] + "\"/>\n");
            }
            w.write("    </triangles>\n   </mesh>\n  </object>\n");
        }
        w.write(" </resources>\n <build>\n");
        for (int i = 0; i < meshes.size(); i++) {
            w.write("  <item objectid=\"" + (i + 2) + "\"/>\n");
        }
        w.write(" </build>\n</model>\n");
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static String xml(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
