package org.twinprint.casefile.core.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.casefile.core.CaseFileException;
import org.twinprint.core.model.Case;
import org.twinprint.core.spi.Progress;

/** Saving and opening a whole case: exact, atomic, and clear about files it cannot open. */
class CaseFileTest {

    private final CaseFileStore store = new CaseFileStore();

    @Test
    void aSavedCaseOpensAsItWasToTheBit(@TempDir Path dir) throws Exception {
        Case c = Cases.made("Patient-free name", 40, 1);
        c.putResult("flr", java.util.Map.of("percent", 31.5, "source", "Vauthey 2002"));
        Path file = dir.resolve("plan.twinprint");
        store.save(c, file, Progress.NONE);
        Case back = store.open(file, Progress.NONE);

        assertEquals(Cases.digests(c), Cases.digests(back));
        assertEquals(c.series().get(0).volume().geometry(), back.series().get(0).volume().geometry(),
                "every digit of the geometry");
        assertArrayEquals(c.series().get(0).volume().voxels(), back.series().get(0).volume().voxels());
        assertArrayEquals(c.labelMap().labels(), back.labelMap().labels());
        assertEquals(2, back.labelMap().layerCount(), "the vessel overlaps the others: a layer of its own");
        assertArrayEquals(c.labelMap().layer(1), back.labelMap().layer(1));
        assertEquals(c.labelMap().segments(), back.labelMap().segments());
        assertEquals(c.provenance(), back.provenance(), "time to the nanosecond, parameters and summaries");
        assertEquals(c.meshes().size(), back.meshes().size());
        for (int i = 0; i < c.meshes().size(); i++) {
            assertArrayEquals(c.meshes().get(i).vertices(), back.meshes().get(i).vertices());
            assertArrayEquals(c.meshes().get(i).triangles(), back.meshes().get(i).triangles());
        }
        assertEquals(c.results().toString(), back.results().toString());

        try (ZipFile zip = new ZipFile(file.toFile())) {
            String manifest = new String(zip.getInputStream(zip.getEntry("case.json")).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(manifest.contains("\"schemaVersion\": 3") && manifest.contains("\"units\": \"mm\"")
                    && manifest.contains("\"coordinateSystem\": \"LPS\""), manifest);
            assertTrue(manifest.contains("\"writtenBy\": \"TwinPrint "), manifest);
        }
    }

    @Test
    void anotherProcessOpensTheSameCase(@TempDir Path dir) throws Exception {
        Case c = Cases.made("Handed on", 30, 2);
        Path file = dir.resolve("handed-on.twinprint");
        store.save(c, file, Progress.NONE);
        Process p = probe("digests", file.toString());
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), out);
        assertEquals(Cases.digests(c), out);
    }

    @Test
    void aSaveKilledAtAnyMomentLeavesTheOldOrTheNewCaseAndNoLeftovers(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("killed.twinprint");
        store.save(Cases.made("saved 0", 64, 0), file, Progress.NONE);
        Random random = new Random(20261207);
        List<String> seen = new ArrayList<>();
        int midSave = 0;
        int kills = 100;
        for (int k = 0; k < kills; k++) {
            Process p = probe("save-forever", file.toString(), "64");
            // the child starts in about a third of a second, then saves about every tenth
            Thread.sleep(150 + random.nextInt(700));
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            try (var files = Files.list(dir)) {
                midSave += files.anyMatch(f -> f.getFileName().toString().endsWith(".twinprint-part")) ? 1 : 0;
            }
            Case opened = store.open(file, Progress.NONE); // throws if the file is not a whole case
            long n = Long.parseLong(opened.name().substring("saved ".length()));
            assertEquals(Cases.digests(Cases.made(opened.name(), 64, n)), Cases.digests(opened), "kill " + k);
            seen.add(opened.name());
        }
        assertTrue(seen.stream().distinct().count() > 1, "the kills came while saves went on: " + seen);
        assertTrue(midSave >= 10, midSave + " of the kills left a half-written file beside the target");
        store.save(Cases.made("saved 0", 64, 0), file, Progress.NONE);
        try (var left = Files.list(dir)) {
            assertEquals(List.of("killed.twinprint"), left.map(f -> f.getFileName().toString()).toList(),
                    "the next save removes what killed saves left");
        }
    }

    @Test
    void aFileOfANewerSchemaIsRefusedNamingBothVersions(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("future.twinprint");
        zip(file, "case.json", """
                {"format": "twinprint-case", "schemaVersion": 7, "writtenBy": "TwinPrint 3.0.0", "name": "x",
                 "series": [], "meshes": [], "provenance": []}
                """);
        CaseFileException e = assertThrows(CaseFileException.class, () -> store.open(file, Progress.NONE));
        assertTrue(e.getMessage().contains("written by TwinPrint 3.0.0 in case schema 7")
                && e.getMessage().contains("reads case schemas up to 3"), e.getMessage());
    }

    @Test
    void aFileOfTheOlderSchemaWithoutMarkupsOpens(@TempDir Path dir) throws Exception {
        Case c = Cases.made("Saved before markups", 20, 4);
        // schema 1 had one layer: the overlapping vessel goes
        c.labelMap().retainSegments(c.labelMap().segments().subList(0, 2));
        c.labelMap().setLayerCount(1);
        Path now = dir.resolve("now.twinprint");
        store.save(c, now, Progress.NONE);
        // the same case as schema 1 wrote it: no markups key
        Path old = dir.resolve("old.twinprint");
        // (edited as text: every digit of the geometry stays as written)
        rewrite(now, "case.json", old, json -> json.replace("\"schemaVersion\": 3", "\"schemaVersion\": 1")
                .replaceAll("(?s)\"markups\": \\[.*?\\],\\s*(\"provenance\")", "$1")
                .replaceAll(",\\s*\"layer\": \\d+", "")
                .replaceAll(",\\s*\"moreLayers\": \\[\\s*\\]", ""));
        Case back = store.open(old, Progress.NONE);
        assertEquals(0, back.markups().size());
        assertEquals(Cases.digests(c).lines().filter(l -> !l.startsWith("markup ")).toList(),
                Cases.digests(back).lines().toList(), "everything else as saved");
        assertEquals(5, store.open(now, Progress.NONE).markups().size());
    }

    @Test
    void damagedFilesAreNamedWithWhatIsWrong(@TempDir Path dir) throws Exception {
        Path good = dir.resolve("good.twinprint");
        store.save(Cases.made("Damaged later", 24, 3), good, Progress.NONE);
        byte[] bytes = Files.readAllBytes(good);

        Path truncated = Files.write(dir.resolve("truncated.twinprint"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertTrue(message(truncated).contains("not a readable zip"), message(truncated));

        Path text = Files.writeString(dir.resolve("notes.twinprint"), "my notes");
        assertTrue(message(text).contains("not a TwinPrint case file"), message(text));

        // the voxels rewritten with one value changed: the zip is whole, the SHA-256 is not
        Path changed = dir.resolve("changed.twinprint");
        rewrite(good, changed, "series/0/voxels", data -> data[1000] ^= 1);
        assertTrue(message(changed).contains("series/0/voxels is damaged (its SHA-256 is not the one saved)"),
                message(changed));

        Path missing = dir.resolve("missing.twinprint");
        rewrite(good, missing, "meshes/1", null);
        assertTrue(message(missing).contains("entry meshes/1 is missing"), message(missing));

        Path flipped = dir.resolve("flipped.twinprint");
        byte[] copy = bytes.clone();
        copy[bytes.length / 3] ^= 0x55; // inside the compressed voxels
        Files.write(flipped, copy);
        assertTrue(message(flipped).startsWith(flipped + ": "), message(flipped));
        assertTrue(message(flipped).contains("damaged"), message(flipped));
    }

    private String message(Path file) {
        return assertThrows(IOException.class, () -> store.open(file, Progress.NONE)).getMessage();
    }

    /** A copy of a case file with one text entry rewritten. */
    private static void rewrite(Path from, String name, Path to, java.util.function.UnaryOperator<String> change)
            throws IOException {
        rewrite(from, to, name, null, change);
    }

    /** A copy of a case file with one entry's content changed (or, with no change, left out). */
    private static void rewrite(Path from, Path to, String name, java.util.function.Consumer<byte[]> change)
            throws IOException {
        rewrite(from, to, name, change, null);
    }

    private static void rewrite(Path from, Path to, String name, java.util.function.Consumer<byte[]> change,
            java.util.function.UnaryOperator<String> text) throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(to))) {
            for (ZipEntry e : java.util.Collections.list(in.entries())) {
                byte[] data = in.getInputStream(e).readAllBytes();
                if (e.getName().equals(name)) {
                    if (text != null) {
                        data = text.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    } else if (change == null) {
                        continue;
                    } else {
                        // the arrays are stored deflated: the change is made to the data inside
                        byte[] inside = new java.util.zip.InflaterInputStream(new java.io.ByteArrayInputStream(data),
                                new java.util.zip.Inflater(true)).readAllBytes();
                        change.accept(inside);
                        java.io.ByteArrayOutputStream again = new java.io.ByteArrayOutputStream();
                        try (var deflating = new java.util.zip.DeflaterOutputStream(again,
                                new java.util.zip.Deflater(java.util.zip.Deflater.BEST_SPEED, true))) {
                            deflating.write(inside);
                        }
                        again.write(0); // the spare byte zlib asks for after a raw stream
                        data = again.toByteArray();
                    }
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
        }
    }

    private static void zip(Path file, String name, String text) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(file))) {
            out.putNextEntry(new ZipEntry(name));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
    }

    /** This test's class path in a child JVM, running {@link CaseFileProbe}. */
    private static Process probe(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                CaseFileProbe.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    }
}
