package org.twinprint.casefile.core.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.casefile.core.SlicerMarkups;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Vec3;

/** Markups to and from 3D Slicer's markups JSON, checked against Slicer's own schema. */
class SlicerMarkupsTest {

    /** Slicer's schema, in the shared data beside the project (as the OSGi tests' TestData finds it). */
    private static final Path SCHEMA = Path.of(System.getProperty("twinprint.shared", "../shared"), "data",
            "slicer-markups-schema", "markups-schema-v1.0.3.json");

    @Test
    void writtenMarkupsValidateAgainstSlicersSchemaAndReadBackTheSame(@TempDir Path dir) throws Exception {
        List<Markup> markups = Cases.markups(new Random(11));
        Path file = dir.resolve("plan.mrk.json");
        SlicerMarkups.write(file, markups);

        // an independent check: python3-jsonschema with Slicer's schema (draft-07)
        Path script = Files.writeString(dir.resolve("validate.py"), """
                import json, sys, jsonschema
                schema = json.load(open(sys.argv[1]))
                document = json.load(open(sys.argv[2]))
                jsonschema.Draft7Validator(schema).validate(document)
                print("valid", len(document["markups"]), sorted({m["type"] for m in document["markups"]}))
                """);
        Process p = new ProcessBuilder("/usr/bin/python3", script.toString(), SCHEMA.toString(), file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("valid 5 ['Angle', 'ClosedCurve', 'Fiducial', 'Line', 'Plane']"), out);

        assertEquals(markups, SlicerMarkups.read(file), "every point, label and normal to the bit");
        String text = Files.readString(file);
        assertTrue(text.contains("\"coordinateSystem\": \"LPS\"") && text.contains("\"coordinateUnits\": \"mm\""), text);
        assertTrue(text.contains("\"name\": \"length\"") && text.contains("\"units\": \"deg\""), text);
    }

    @Test
    void slicersMinimalExampleReadsWithItsPoints(@TempDir Path dir) throws Exception {
        // the minimal file of Slicer's developer guide, as INFO.txt beside the schema gives it
        Path file = Files.writeString(dir.resolve("F.mrk.json"), """
                {"@schema": "https://raw.githubusercontent.com/Slicer/Slicer/main/Modules/Loadable/Markups/Resources/Schema/markups-schema-v1.0.0.json#",
                 "markups": [{"type": "Fiducial", "coordinateSystem": "LPS", "controlPoints": [
                     {"label": "F-1", "position": [-53.388409961685827, -73.33572796934868, 0.0]},
                     {"label": "F-2", "position": [49.8682950191571, -88.58955938697324, 0.0]}]}]}
                """);
        assertTrue(Files.readString(SCHEMA.resolveSibling("INFO.txt")).contains("-53.388409961685827"),
                "the example is INFO.txt's");
        List<Markup> read = SlicerMarkups.read(file);
        assertEquals(1, read.size());
        assertEquals(Markup.Type.POINTS, read.get(0).type());
        assertEquals(List.of(new Markup.Point("F-1", new Vec3(-53.388409961685827, -73.33572796934868, 0.0)),
                new Markup.Point("F-2", new Vec3(49.8682950191571, -88.58955938697324, 0.0))), read.get(0).points());
    }

    @Test
    void rasIsTurnedToLpsAndWhatCannotBeReadIsNamed(@TempDir Path dir) throws Exception {
        Path ras = Files.writeString(dir.resolve("line.mrk.json"), """
                {"@schema": "x", "markups": [{"type": "Line", "name": "Width", "coordinateSystem": "RAS",
                 "controlPoints": [{"position": [10, 20, 30]}, {"position": [13, 24, 30]}]}]}
                """);
        Markup line = SlicerMarkups.read(ras).get(0);
        assertEquals(new Vec3(-10, -20, 30), line.points().get(0).position());
        assertEquals(5.0, line.measurement(), 1e-12, "a 3-4-5 line");
        Path roi = Files.writeString(dir.resolve("roi.mrk.json"), """
                {"@schema": "x", "markups": [{"type": "ROI", "name": "Box", "controlPoints": []}]}
                """);
        IOException e = assertThrows(IOException.class, () -> SlicerMarkups.read(roi));
        assertTrue(e.getMessage().startsWith(roi.toString()) && e.getMessage().contains("Box: markups of type ROI"),
                e.getMessage());
    }

    @Test
    void measurementsAreLengthsInMillimetresAndAnglesInDegrees() {
        Markup angle = new Markup("A", Markup.Type.ANGLE, List.of(new Markup.Point("", new Vec3(1, 0, 0)),
                new Markup.Point("", new Vec3(0, 0, 0)), new Markup.Point("", new Vec3(0, 2, 0))), null);
        assertEquals(90.0, angle.measurement(), 1e-12);
        Markup square = new Markup("S", Markup.Type.CLOSED_CURVE, List.of(new Markup.Point("", new Vec3(0, 0, 0)),
                new Markup.Point("", new Vec3(10, 0, 0)), new Markup.Point("", new Vec3(10, 10, 0)),
                new Markup.Point("", new Vec3(0, 10, 0))), null);
        assertEquals(40.0, square.measurement(), 1e-12);
        Markup plane = new Markup("P", Markup.Type.PLANE, List.of(new Markup.Point("", new Vec3(0, 0, 5))),
                new Vec3(0, 0, 3));
        assertEquals(new Vec3(0, 0, 1), plane.unitNormal());
        assertEquals(new Vec3(0, 0, 3), plane.normal(), "kept as given, so it reads back to the bit");
        assertThrows(IllegalArgumentException.class, () -> new Markup("L", Markup.Type.LINE,
                List.of(new Markup.Point("", new Vec3(0, 0, 0))), null));
    }
}
