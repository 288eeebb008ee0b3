package org.twinprint.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.twinprint.core.files.AtomicFiles;
import org.twinprint.core.model.Case;
import org.twinprint.core.report.Json;
import org.twinprint.core.report.JsonReader;
import org.twinprint.core.spi.Progress;

/**
 * Keeps a copy of the open case's unsaved work, so a crash loses at most a few minutes of it: every
 * {@code twinprint.autosave.seconds} (120 by default) a background job saves the case, when it has
 * unsaved changes, to an autosave folder ({@code twinprint.autosave.dir}, by default
 * {@code ~/.twinprint/autosave}), atomically like every save. A normal exit and every save by the
 * user remove it; one found at start-up is left from a crash, and the workbench offers it back.
 */
public final class Autosave {

    /** What an autosave holds: when it was written, the case's name and the file the case came from. */
    public record Pending(Path caseFile, Instant time, String caseName, Path originalFile) {
    }

    private static final String CASE = "autosave.twinprint";
    private static final String NOTE = "autosave.json";
    private static Job job;

    private Autosave() {
    }

    static Path folder() {
        String dir = System.getProperty("twinprint.autosave.dir");
        return dir != null ? Path.of(dir) : Path.of(System.getProperty("user.home"), ".twinprint", "autosave");
    }

    /** Starts the periodic autosave (once). */
    static synchronized void start() {
        if (job != null) {
            return;
        }
        long every = Long.getLong("twinprint.autosave.seconds", 120) * 1000;
        job = new Job("Autosave") {
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                try {
                    saveNow();
                } catch (IOException | RuntimeException e) {
                    // a failed autosave must not disturb the work; the next round tries again
                    org.eclipse.core.runtime.ILog.of(Autosave.class).warn("autosave failed: " + e.getMessage(), e);
                }
                schedule(every);
                return Status.OK_STATUS;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);
        job.schedule(every);
    }

    static synchronized void stop() {
        if (job != null) {
            job.cancel();
            job = null;
        }
    }

    /** Saves the open case to the autosave folder if it has unsaved changes; true if it did. */
    public static boolean saveNow() throws IOException {
        TwinPrintSession session = TwinPrintSession.get();
        Case c = session.currentCase();
        if (c == null || !session.unsaved()) {
            return false;
        }
        Files.createDirectories(folder());
        session.caseStore().save(c, folder().resolve(CASE), Progress.NONE);
        Map<String, Object> note = new LinkedHashMap<>();
        note.put("time", Instant.now().toString());
        note.put("case", c.name());
        Path original = session.file();
        note.put("originalFile", original == null ? null : original.toAbsolutePath().toString());
        AtomicFiles.writeString(folder().resolve(NOTE), Json.write(note));
        return true;
    }

    /** The autosave a crash left, if any. */
    public static Optional<Pending> pending() {
        Path note = folder().resolve(NOTE), file = folder().resolve(CASE);
        if (!Files.isRegularFile(note) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            Map<?, ?> m = (Map<?, ?>) JsonReader.parse(Files.readString(note));
            Object original = m.get("originalFile");
            return Optional.of(new Pending(file, Instant.parse((String) m.get("time")), String.valueOf(m.get("case")),
                    original == null ? null : Path.of((String) original)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // an unreadable note: nothing to offer
        }
    }

    /**
     * Opens what a crash left as the workbench's case: it stays unsaved, with the file it came from,
     * until the user saves it.
     */
    public static void restore(Pending pending) throws IOException {
        TwinPrintSession session = TwinPrintSession.get();
        Case c = session.caseStore().open(pending.caseFile(), Progress.NONE);
        session.open(c, pending.originalFile());
        session.markUnsaved();
    }

    /** Removes the autosave: the work is saved, or the user let it go. */
    public static void discard() {
        try {
            Files.deleteIfExists(folder().resolve(NOTE));
            Files.deleteIfExists(folder().resolve(CASE));
        } catch (IOException e) {
            org.eclipse.core.runtime.ILog.of(Autosave.class).warn("cannot remove the autosave: " + e.getMessage(), e);
        }
    }
}
