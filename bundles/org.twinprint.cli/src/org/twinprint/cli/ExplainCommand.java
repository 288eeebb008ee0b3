package org.twinprint.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.twinprint.core.model.Case;
import org.twinprint.core.spi.BadParameterException;
import org.twinprint.core.spi.Progress;
import org.twinprint.explain.core.ExplanationDocument;
import org.twinprint.explain.core.ExplanationDraft;
import org.twinprint.explain.core.ExplanationStore;
import org.twinprint.explain.core.HtmlExplanation;
import org.twinprint.explain.core.PdfExplanation;
import org.twinprint.explain.core.Wording;

/**
 * {@code releng/run explain}: the explanation for the patient and family of a case, in English or
 * German, as one self-contained HTML page with the 3D model; de-identified.
 */
final class ExplainCommand {

    static final String USAGE = "explain --case FILE [--lang en|de] [--prepared-by NAME] --out explanation.html|.pdf"
            + "   the case explained in plain words for the patient and family, with its 3D model, predictions and"
            + " their ranges, in one HTML file that opens offline or a PDF with its fonts embedded; names no patient";

    private final CaseInputs cases;
    private final PrintStream err;

    ExplainCommand(CaseInputs cases, PrintStream err) {
        this.cases = cases;
        this.err = err;
    }

    int run(List<String> args) throws IOException {
        Flags flags = Flags.parse(args, List.of());
        String caseFile = flags.take("case"), lang = flags.take("lang"), by = flags.take("prepared-by"),
                out = flags.take("out");
        if (caseFile == null || out == null || !flags.positional().isEmpty() || !flags.values().isEmpty()) {
            throw new BadParameterException(USAGE);
        }
        String language = lang == null ? "en" : lang;
        if (!Wording.LANGUAGES.contains(language)) {
            throw new BadParameterException("--lang is one of " + Wording.LANGUAGES + ", not " + language);
        }
        boolean pdf = out.toLowerCase(java.util.Locale.ROOT).endsWith(".pdf");
        if (!pdf && !out.toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            throw new BadParameterException(out + ": the explanation is written as .html or .pdf");
        }
        Progress progress = new ConsoleProgress(err);
        Case c = cases.input(caseFile, progress);
        // what the clinician composed in the workbench, if the case keeps it; else the draft
        ExplanationDocument doc = ExplanationStore.of(c, language).map(d -> by == null ? d : d.withPreparedBy(by))
                .orElseGet(() -> ExplanationDraft.of(c, language, by));
        if (pdf) {
            PdfExplanation.write(Path.of(out), doc, ExplanationDraft.layMeshes(c, language));
        } else {
            HtmlExplanation.write(Path.of(out), doc, ExplanationDraft.layMeshes(c, language), progress);
        }
        err.println("[twinprint] explanation (" + language + ") written to " + Path.of(out).toAbsolutePath());
        return 0;
    }
}
