package org.twinprint.core.spi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A base for importers of one file format recognised by its name ending: a file that cannot be
 * read becomes a {@link Problem} naming it, never an exception that stops an import.
 */
public abstract class FileImporter implements Importer {

    private final String id;
    private final String label;
    private final List<String> endings;

    protected FileImporter(String id, String label, String... endings) {
        this.id = id;
        this.label = label;
        this.endings = List.of(endings);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canImport(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(path) && endings.stream().anyMatch(name::endsWith);
    }

    @Override
    public ImportResult importFrom(Path path, Parameters parameters, Progress progress) {
        try {
            return read(path);
        } catch (IOException | RuntimeException e) {
            String message = String.valueOf(e.getMessage());
            String named = path + ": "; // the problem names the file itself
            return new ImportResult(List.of(), List.of(new Problem(path, message.startsWith(named)
                    ? message.substring(named.length()) : message)));
        }
    }

    /** Reads the file; throws with a message saying what is wrong with it. */
    protected abstract ImportResult read(Path file) throws IOException;
}
