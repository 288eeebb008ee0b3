package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.twinprint.core.model.Case;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.report.Json;
import org.twinprint.core.service.CaseOperations;
import org.twinprint.core.service.CaseStore;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.ImportResult;
import org.twinprint.core.spi.Problem;
import org.twinprint.core.spi.Progress;

/**
 * How the subcommands get a case in and out: a saved case or an imported path, a mesh file, a
 * mesh of a case by name, and saving with the digests of what was saved.
 */
final class CaseInputs {

    private final CaseOperations operations;
    private final PrintStream out;
    private final PrintStream err;
    private CaseStore caseStore;

    CaseInputs(CaseOperations operations, PrintStream out, PrintStream err) {
        this.operations = operations;
        this.out = out;
        this.err = err;
    }

    CaseOperations operations() {
        return operations;
    }

    /** A saved case ({@code .twinprint}), or a new case with what the path holds imported. */
    Case input(String arg, Progress progress) throws IOException {
        Path path = Path.of(arg);
        if (arg.endsWith(CaseStore.EXTENSION)) {
            return caseStore().open(path, progress);
        }
        Case c = new Case(path.getFileName().toString());
        reportProblems(operations.importInto(c, path, Map.of(), progress).problems());
        return c;
    }

    void saveCase(Case c, String file, Progress progress) throws IOException {
        if (!file.endsWith(CaseStore.EXTENSION)) {
            throw new BadParameterException("--save-case " + file + ": a case file ends with " + CaseStore.EXTENSION);
        }
        long start = System.nanoTime();
        caseStore().save(c, Path.of(file), progress);
        err.printf("[twinprint] stage save case: %d ms%n", (System.nanoTime() - start) / 1_000_000);
        // what was saved, to compare with what 'case FILE' reads back in another process
        err.println("[twinprint] saved case sha256: " + Json.write(CaseDigests.of(c)).replaceAll("\\s*\\n\\s*", " "));
        out.println("Case: " + Path.of(file).toAbsolutePath());
    }

    /** A case holding the meshes of a mesh file. */
    Case importMesh(String file) throws IOException {
        Path path = Path.of(file);
        Case c = new Case(path.getFileName().toString());
        ImportResult result = operations.importInto(c, path, Map.of(), new ConsoleProgress(err));
        if (!result.problems().isEmpty()) {
            throw new IOException(result.problems().get(0).toString());
        }
        if (c.meshes().isEmpty()) {
            throw new IOException(path + ": holds no mesh");
        }
        return c;
    }

    /** The case's mesh of that name; wrong usage, naming the flag and the meshes there are, if none. */
    static Mesh namedMesh(Case c, String name, String flag) {
        return c.meshes().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
                () -> new BadParameterException(flag + " " + name + ": the case has no such mesh; it has "
                        + c.meshes().stream().map(Mesh::name).toList()));
    }

    /** The case store (the case file bundle's service), found when first needed. */
    CaseStore caseStore() throws IOException {
        if (caseStore == null) {
            caseStore = OsgiLookup.await(CaseStore.class, Commands.class);
            if (caseStore == null) {
                throw new IOException("no case store: the bundle org.twinprint.casefile.core is not running");
            }
        }
        return caseStore;
    }

    void reportProblems(List<Problem> problems) {
        for (Problem p : problems) {
            err.println("twinprint: skipped " + p);
        }
    }
}
