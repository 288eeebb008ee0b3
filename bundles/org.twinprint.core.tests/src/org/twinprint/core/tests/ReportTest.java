package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Geometry;
import org.twinprint.core.model.Series;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.model.Volume;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.report.CaseReport;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.ServiceCatalog;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;
import org.twinprint.core.spi.Progress;
import org.twinprint.core.spi.SegmentationTool;

class ReportTest {

    @Test
    void nonFiniteNumbersBecomeNullSoThatEveryJsonParserReadsTheOutput() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("spacing", new double[] { Double.NaN, 1, Double.POSITIVE_INFINITY });
        m.put("volume", Double.NaN);
        String json = Json.write(m);
        assertTrue(json.contains("\"spacing\": [null, 1, null]") && json.contains("\"volume\": null"), json);
        Process p = new ProcessBuilder("/usr/bin/python3", "-m", "json.tool").redirectErrorStream(true).start();
        try (var in = p.getOutputStream()) {
            in.write(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), "python's json.tool parses it: " + out);
    }

    @Test
    void jsonEscapesTextAndWritesNumbersPlainly() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline");
        m.put("spacing", new double[] { 0.451171875, 1.0 });
        m.put("ok", true);
        m.put("none", List.of());
        assertEquals("{\n  \"name\": \"a \\\"quoted\\\"\\nline\",\n  \"spacing\": [0.451171875, 1],\n"
                + "  \"ok\": true,\n  \"none\": []\n}\n", Json.write(m));
    }

    @Test
    void reportStatesUnitsAndRecordsWhichPluginDidWhat() {
        ServiceCatalog catalog = new ServiceCatalog();
        SegmentationTool everything = new SegmentationTool() {
            @Override
            public String id() {
                return "segment.everything";
            }

            @Override
            public String label() {
                return "Everything";
            }

            @Override
            public List<ParameterSpec> parameters() {
                return List.of(ParameterSpec.text("segment", "Segment", "All", ""));
            }

            @Override
            public String apply(Case c, Parameters p, Progress progress) {
                var map = c.labelMapForEditing();
                var s = map.addSegment(p.string("segment"), 0x00ff00);
                java.util.Arrays.fill(map.labels(), (byte) s.label());
                return "all voxels";
            }
        };
        catalog.add(everything, "org.example.lab", "1.2.3");
        Case c = new Case("report");
        c.addSeries(new Series("1.2", "test", "CT",
                new Volume(Geometry.axisAligned(2, 2, 2, new Vec3(0.5, 0.5, 1), new Vec3(-1, -2, 3)), new short[8], "HU"),
                "memory", List.of("a warning")));
        new CaseOperations(catalog).segment(c, everything, Map.of("segment", "Head"), Progress.NONE);

        String json = Json.write(CaseReport.of(c));
        assertTrue(json.contains("\"units\": \"mm\""), json);
        assertTrue(json.contains("\"coordinateSystem\": \"LPS\""), json);
        assertTrue(json.contains("\"origin\": [-1, -2, 3]"), json);
        assertTrue(json.contains("\"voxels\": 8"), json);
        assertTrue(json.contains("\"volumeMl\": 0.002"), json);
        assertTrue(json.contains("\"plugin\": \"org.example.lab\""), json);
        assertTrue(json.contains("\"version\": \"1.2.3\""), json);
        assertTrue(json.contains("\"segment\": \"Head\""), json);
        assertTrue(json.contains("\"a warning\""), json);
    }

    @Test
    void failedWriteLeavesTheOldFileWhole(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.writeString(target, "old and complete");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("new but cut".getBytes());
            throw new IOException("disk full");
        }));
        assertEquals("old and complete", Files.readString(target));
        try (var files = Files.list(dir)) {
            assertEquals(List.of(target), files.toList(), "no temporary file is left behind");
        }
    }
}
