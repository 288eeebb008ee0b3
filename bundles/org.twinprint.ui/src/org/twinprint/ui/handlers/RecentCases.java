package org.twinprint.ui.handlers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.twinprint.core.files.AtomicFiles;

/**
 * The case files opened or saved last, newest first, kept in a small text file (one path a line;
 * {@code twinprint.recent.file}, by default {@code ~/.twinprint/recent-cases.txt}).
 */
public final class RecentCases {

    static final int KEPT = 8;

    private RecentCases() {
    }

    static Path store() {
        String f = System.getProperty("twinprint.recent.file");
        return f != null ? Path.of(f) : Path.of(System.getProperty("user.home"), ".twinprint", "recent-cases.txt");
    }

    /** The remembered files, newest first (an unreadable list is an empty one). */
    public static synchronized List<Path> list() {
        try {
            return Files.readAllLines(store(), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank())
                    .map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts a file at the top of the list. */
    public static synchronized void remember(Path file) {
        List<Path> all = new ArrayList<>(List.of(file.toAbsolutePath().normalize()));
        list().stream().filter(p -> !p.equals(all.get(0))).limit(KEPT - 1).forEach(all::add);
        write(all);
    }

    /** Drops a file from the list (it was moved or deleted). */
    public static synchronized void forget(Path file) {
        List<Path> all = new ArrayList<>(list());
        all.remove(file);
        write(all);
    }

    private static void write(List<Path> all) {
        try {
            Files.createDirectories(store().getParent());
            AtomicFiles.writeString(store(), String.join("\n", all.stream().map(Path::toString).toList()) + "\n");
        } catch (IOException e) {
            // the list is a convenience: the work itself is saved; say why it is not kept
            org.eclipse.core.runtime.ILog.of(RecentCases.class).warn("cannot keep the recent cases: " + e.getMessage(), e);
        }
    }
}
