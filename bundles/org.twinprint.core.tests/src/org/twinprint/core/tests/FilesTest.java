package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.files.PrivateTemp;
import org.twinprint.core.model.Case;

/** Exports and temporary patient data on disk: permissions, atomicity and what a killed run leaves. */
class FilesTest {

    @TempDir
    Path dir;
    private String tmpdir;

    @BeforeEach
    void ownTemporaryFolder() throws IOException {
        tmpdir = System.getProperty("java.io.tmpdir");
        System.setProperty("java.io.tmpdir", Files.createDirectories(dir.resolve("tmp")).toString());
    }

    @AfterEach
    void restoreTemporaryFolder() {
        System.setProperty("java.io.tmpdir", tmpdir);
    }

    /** The id of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void anExportGetsThePermissionsTheUmaskGivesLikeAnyOtherFile() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.txt"), "x"); // created as every tool creates files
        Path export = dir.resolve("model.stl");
        AtomicFiles.writeString(export, "solid x");
        assertEquals(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(export)));
    }

    @Test
    void aFailedWriteKeepsTheOldFileAndLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("report.json");
        AtomicFiles.writeString(target, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(target));
        try (var left = Files.list(dir)) {
            assertEquals(List.of("report.json", "tmp"), left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void partialFilesOfAKilledExportGoAtTheNextExportToThatFolder() throws Exception {
        Path stale = Files.writeString(dir.resolve(".skull.stl." + deadPid() + "-0123456789abcdef.twinprint-part"), "x");
        Path live = Files.writeString(dir.resolve(".other.stl." + ProcessHandle.current().pid()
                + "-0123456789abcdef.twinprint-part"), "being written");
        Path foreign = Files.writeString(dir.resolve("notes.part"), "someone else's");
        AtomicFiles.writeString(dir.resolve("skull.stl"), "solid skull");
        assertFalse(Files.exists(stale), "a dead process's partial file is removed");
        assertTrue(Files.exists(live), "a running export's partial file is kept");
        assertTrue(Files.exists(foreign), "files that are not TwinPrint's are kept");
    }

    @Test
    void theNextStartRemovesWhatAKilledProcessLeftAnywhere() throws Exception {
        long dead = deadPid();
        Path root = PrivateTemp.root();
        Path unpacked = Files.createDirectories(root.resolve(dead + "-zip-0123456789abcdef/series"));
        Files.writeString(unpacked.resolve("slice.dcm"), "patient data");
        Path elsewhere = Files.createDirectories(dir.resolve("exports"));
        Path part = Files.writeString(elsewhere.resolve(".skull.stl." + dead + "-0123456789abcdef.twinprint-part"),
                "half");
        Files.writeString(root.resolve(dead + "-fedcba9876543210.export"), part.toString());
        Path mine = PrivateTemp.newFolder("pacs");

        assertEquals(2, PrivateTemp.removeStale());
        assertFalse(Files.exists(unpacked.getParent()));
        assertFalse(Files.exists(part), "the partial export named in the dead process's journal is gone");
        assertTrue(Files.exists(mine), "this process's folder is in use");
    }

    @Test
    void temporaryPatientDataIsPrivateAndGoesWhenTheCaseCloses() throws IOException {
        Path folder = PrivateTemp.newFolder("pacs");
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(PrivateTemp.root())));
        Files.writeString(folder.resolve("image.dcm"), "x");
        Case c = new Case("retrieved");
        AtomicInteger runs = new AtomicInteger();
        c.onClose(() -> PrivateTemp.deleteTree(folder));
        c.onClose(runs::incrementAndGet);
        c.close();
        c.close();
        assertFalse(Files.exists(folder));
        assertEquals(1, runs.get(), "close actions run once");
    }
}
