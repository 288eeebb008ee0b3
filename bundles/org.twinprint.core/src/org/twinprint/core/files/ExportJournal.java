package org.twinprint.core.files;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Notes each unfinished export file ({@code .part}) in the private temporary folder while it is
 * written, so that when a process is killed during an export, the next start finds and deletes its
 * partial file wherever it was (see {@link PrivateTemp#removeStale()}).
 */
final class ExportJournal {

    static final String SUFFIX = ".export";

    private ExportJournal() {
    }

    /** Records that {@code part} is being written; returns the note, to be deleted when done. */
    static Path begin(Path part) {
        try {
            Path note = PrivateTemp.root().resolve(ProcessHandle.current().pid() + "-" + PrivateTemp.token() + SUFFIX);
            Files.writeString(note, part.toAbsolutePath().toString(), StandardCharsets.UTF_8);
            return note;
        } catch (IOException e) {
            return null; // the export goes on; only the clean-up at start loses this one
        }
    }

    static void end(Path note) {
        if (note != null) {
            try {
                Files.deleteIfExists(note);
            } catch (IOException e) {
                // removed at the next start
            }
        }
    }

    /** Deletes the partial file a note names, if it still is one of TwinPrint's. */
    static boolean removePartNamedIn(Path note) throws IOException {
        Path part = Path.of(Files.readString(note, StandardCharsets.UTF_8).strip());
        return AtomicFiles.isOwnPart(part) && Files.deleteIfExists(part);
    }
}
