package org.twinprint.ui.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.twinprint.ui.tests.WorkbenchDriver.distinctColours;
import static org.twinprint.ui.tests.WorkbenchDriver.page;
import static org.twinprint.ui.tests.WorkbenchDriver.spin;
import static org.twinprint.ui.tests.WorkbenchDriver.waitFor;

import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.ui.TwinPrintSession;
import org.twinprint.ui.handlers.OpenDemoHandler;

/** The clinician's explanation for the patient, composed in the workbench on the demo case. */
class ExplanationWorkbenchTest {

    @Test
    void theExplanationComposerDraftsEditsKeepsAndExportsTheDemoCasesExplanation() throws Exception {
        assertTrue(waitFor(OpenDemoHandler.schedule()).isOK());
        spin(800);
        Case c = TwinPrintSession.get().currentCase();
        org.twinprint.ui.views.ExplanationView view = (org.twinprint.ui.views.ExplanationView) page().showView(
                org.twinprint.ui.views.ExplanationView.ID);
        view.choose("en");
        spin(300);
        assertTrue(view.previewText().contains("YOUR ANATOMY") && view.previewText().contains("skull bone"),
                view.previewText());
        view.select(5);
        view.typeText("Please call the ward on the day before the operation.");
        spin(200);
        assertTrue(view.previewText().contains("Please call the ward"), "the preview follows the edit");
        assertTrue(view.gradeText().startsWith("Reading grade") && !view.gradeText().contains("above 8"),
                view.gradeText());
        view.typeText("Notwithstanding considerable methodological heterogeneity, postoperative complications"
                + " demonstrated statistically significant associations with comorbidities.");
        spin(200);
        assertTrue(view.gradeText().contains("above 8"), "hard text is flagged: " + view.gradeText());
        view.typeText("Please call the ward on the day before the operation.");
        view.save();
        assertTrue(c.results().containsKey("explain.composition:en"), "kept in the case");
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("explanation");
        for (String name : List.of("explanation.html", "explanation.pdf")) {
            Job export = view.exportTo(dir.resolve(name));
            assertTrue(waitFor(export).isOK(), String.valueOf(export.getResult()));
            assertTrue(java.nio.file.Files.size(dir.resolve(name)) > 10_000, name);
        }
        String html = java.nio.file.Files.readString(dir.resolve("explanation.html"));
        assertTrue(html.contains("Please call the ward"), "the export is what was composed");
        view.choose("de");
        spin(300);
        assertTrue(view.previewText().contains("IHRE ANATOMIE"), view.previewText());
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_MAXIMIZED);
        view.select(0);
        spin(800);
        assertTrue(distinctColours(Screenshots.capture(page().getWorkbenchWindow().getShell(),
                "explanation-composer.png")) > 20);
        page().setPartState(page().getReference(view), org.eclipse.ui.IWorkbenchPage.STATE_RESTORED);
    }
}
