package org.twinprint.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Folders for patient data in transit (unpacked archives, PACS retrievals) and the journal of
 * exports under way. All of it lives under one folder of the user's, readable by the user alone
 * (0700), and every name starts with the process id, so the next start deletes what a process
 * that died left behind ({@link #removeStale()}).
 */
public final class PrivateTemp {

    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateTemp() {
    }

    /** The user's TwinPrint folder under the system's temporary folder, made private if new. */
    public static Path root() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "twinprint-" + System.getProperty("user.name"));
        return createPrivate(root);
    }

    /** A new private folder for one purpose, e.g. {@code zip} or {@code pacs}; the caller deletes it. */
    public static Path newFolder(String purpose) throws IOException {
        return createPrivate(root().resolve(ProcessHandle.current().pid() + "-" + purpose + "-" + token()));
    }

    private static final java.util.Set<Path> AT_EXIT = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Deletes the folder when the process ends normally; a killed process's is deleted at the next start. */
    public static synchronized void deleteAtExit(Path folder) {
        if (AT_EXIT.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> AT_EXIT.forEach(PrivateTemp::deleteTree),
                    "twinprint-temp-cleanup"));
        }
        AT_EXIT.add(folder);
    }

    /** A random name part: 16 hex digits. */
    static String token() {
        byte[] b = new byte[8];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    private static Path createPrivate(Path dir) throws IOException {
        try {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        } catch (UnsupportedOperationException e) { // not a POSIX file system
            Files.createDirectories(dir);
        }
        return dir;
    }

    /** Deletes a folder and everything in it; quiet about what is already gone. */
    public static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // what cannot be deleted now is deleted at the next start
        }
    }

    /**
     * Deletes the folders and unfinished export files that processes no longer running left behind;
     * returns how many were deleted. Run at start by the workbench and the command line.
     */
    public static int removeStale() throws IOException {
        int removed = 0;
        try (Stream<Path> children = Files.list(root())) {
            for (Path p : children.toList()) {
                if (!ownerRuns(p.getFileName().toString())) {
                    if (p.getFileName().toString().endsWith(ExportJournal.SUFFIX)) {
                        removed += ExportJournal.removePartNamedIn(p) ? 1 : 0;
                        Files.deleteIfExists(p);
                    } else {
                        deleteTree(p);
                        removed++;
                    }
                }
            }
        }
        return removed;
    }

    /** {@link #removeStale()} on a background thread, so that start-up does not wait for it. */
    public static void removeStaleInBackground() {
        Thread t = new Thread(() -> {
            try {
                removeStale();
            } catch (IOException | RuntimeException e) {
                // nothing to clean, or not now: the next start tries again
            }
        }, "twinprint-stale-cleanup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    /** True if the name starts with the id of a running process (or with no id at all). */
    static boolean ownerRuns(String name) {
        int dash = name.indexOf('-');
        if (dash <= 0) {
            return true; // not ours to judge
        }
        try {
            long pid = Long.parseLong(name.substring(0, dash));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return true;
        }
    }
}
