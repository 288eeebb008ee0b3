package org.twinprint.core.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that readers see the old content or the complete new one, never a half file:
 * the bytes go to a partial file beside the target, are flushed to disk, and the partial file then
 * replaces the target in one move. The file gets the permissions the umask gives, as any tool's.
 * Partial files left by a killed process are deleted at the next write to that folder and at the
 * next start ({@link PrivateTemp#removeStale()}).
 */
public final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /** {@code .<target>.<pid>-<token>.twinprint-part}: whose process wrote it is in the name. */
    private static final Pattern PART = Pattern.compile("^\\..+\\.(\\d+)-[0-9a-f]{16}\\.twinprint-part$");

    private AtomicFiles() {
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path part = partBeside(target);
        Path note = ExportJournal.begin(part);
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                writer.write(unclosable(out));
                out.flush();
                channel.force(true); // on disk before it takes the target's name: a crash leaves one or the other
            }
            try {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(part);
            ExportJournal.end(note);
        }
    }

    /** A writer that closes its stream (some libraries do) must not close it before it is forced to disk. */
    private static OutputStream unclosable(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /**
     * The name of a partial file or folder for {@code target}, beside it (its folder made, stale
     * partial files in it removed): whose process writes it is in the name.
     */
    public static Path partBeside(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        removeStaleParts(dir);
        return dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "-"
                + PrivateTemp.token() + ".twinprint-part");
    }

    public static void writeString(Path target, String text) throws IOException {
        write(target, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    /** True for a partial file of TwinPrint's own naming. */
    static boolean isOwnPart(Path file) {
        return file.getFileName() != null && PART.matcher(file.getFileName().toString()).matches();
    }

    /** Deletes the partial files in a folder whose writing process is gone; returns how many. */
    public static int removeStaleParts(Path dir) {
        int removed = 0;
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, ".*.twinprint-part")) {
            for (Path p : parts) {
                Matcher m = PART.matcher(p.getFileName().toString());
                if (m.matches() && !PrivateTemp.ownerRuns(m.group(1) + "-") && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            // a folder we cannot list holds nothing we can remove
        }
        return removed;
    }
}
