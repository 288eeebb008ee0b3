package org.twinprint.explain.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Prediction;
import org.twinprint.core.spi.Progress;
import org.twinprint.meshing.core.GltfFormat;

/**
 * The generated explanation of a small case in both languages, written as one HTML page: the
 * sections, the prediction with its range and source, the model as a GLB inside the page, and a
 * policy that lets the page load nothing from anywhere.
 */
class ExplanationTest {

    private static Case smallCase() {
        Case c = new Case("Jane Example");
        float[] v = { 0, 0, 0, 10, 0, 0, 0, 10, 0, 0, 0, 10 };
        c.addMesh(new Mesh("Implant", 0x2f6fff, v, new int[] { 0, 2, 1, 0, 1, 3, 0, 3, 2, 1, 2, 3 }));
        c.putMarkup(new Markup("Resection", Markup.Type.PLANE, List.of(new Markup.Point("", new Vec3(0, 0, 5))),
                new Vec3(0, 0, 1)));
        c.putResult("prediction:test", List.of(new Prediction("operating time", 150, 120, 180, "min",
                "Example et al. 2020")));
        return c;
    }

    @Test
    void bothLanguagesExplainTheSameCaseWithTheirOwnWords(@TempDir Path dir) throws Exception {
        for (String language : Wording.LANGUAGES) {
            ExplanationDocument doc = ExplanationDraft.of(smallCase(), language, "Dr. Muster");
            assertEquals(List.of("anatomy", "operation", "model", "expect", "risks", "next"), doc.sections().stream()
                    .map(ExplanationDocument.Section::key).toList());
            Path file = dir.resolve("explanation-" + language + ".html");
            HtmlExplanation.write(file, doc, smallCase().meshes(), Progress.NONE);
            String html = Files.readString(file);
            System.out.printf("%s: %d bytes; %s%n", language, html.length(), doc.sections().get(3).text());
            assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none'"), "loads nothing");
            assertTrue(html.contains("Dr. Muster"), "names who prepared it");
            assertTrue(html.contains(Wording.of(language).text("notice")), "says it is a research tool");
            assertTrue(html.contains("Example et al. 2020"), "the prediction's source");
            assertTrue(html.contains("class=\"tp-range\""), "the range drawn as a bar");
            assertFalse(html.contains("Jane Example"), "the case's name (a patient's, often) is not in it");
            assertTrue(html.contains(language.equals("de") ? "Ihre Anatomie" : "Your anatomy"));
            // the embedded model is a GLB that reads back as the case's mesh
            int from = html.indexOf("<script id=\"tp-glb\" type=\"application/octet-stream\">") + 52;
            byte[] glb = Base64.getMimeDecoder().decode(html.substring(from, html.indexOf("</script>", from)).strip());
            assertEquals(0x46546C67, ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN).getInt(0), "glTF magic");
            Path copy = Files.write(dir.resolve("model-" + language + ".glb"), glb);
            Mesh back = GltfFormat.read(copy).get(0);
            assertEquals("Implant", back.name());
            org.junit.jupiter.api.Assertions.assertArrayEquals(smallCase().meshes().get(0).vertices(), back.vertices(),
                    0f, "LPS mm back as written");
        }
    }

    @Test
    void thePdfSaysTheSameWithItsFontsEmbeddedAndNamesNoPatient(@TempDir Path dir) throws Exception {
        for (String language : Wording.LANGUAGES) {
            Path file = dir.resolve("explanation-" + language + ".pdf");
            PdfExplanation.write(file, ExplanationDraft.of(smallCase(), language, "Dr. Muster"), smallCase().meshes());
            try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(file.toFile())) {
                String text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf);
                assertTrue(text.contains(language.equals("de") ? "Ihre Anatomie" : "Your anatomy"), text);
                assertTrue(text.contains("Dr. Muster") && text.contains("Example et al. 2020"), text);
                assertFalse(text.contains("Jane Example"));
                int fonts = 0;
                for (org.apache.pdfbox.pdmodel.PDPage page : pdf.getPages()) {
                    for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
                        assertTrue(page.getResources().getFont(name).isEmbedded(), name + " embedded");
                        fonts++;
                    }
                    assertTrue(page.getResources().getXObjectNames().iterator().hasNext() || pdf.getNumberOfPages() > 1,
                            "the model's picture");
                }
                assertTrue(fonts >= 2, "regular and bold");
            }
        }
    }

    @Test
    void aCompositionKeptInTheCaseComesBackAsComposed() {
        Case c = smallCase();
        ExplanationDocument draft = ExplanationDraft.of(c, "de", "Dr. Muster");
        List<ExplanationDocument.Section> edited = new java.util.ArrayList<>(draft.sections());
        java.util.Collections.swap(edited, 0, 5);
        ExplanationDocument.Section first = edited.get(0);
        edited.set(0, new ExplanationDocument.Section(first.key(), first.title(), "Bitte rufen Sie uns an.",
                first.bars(), false));
        ExplanationStore.save(c, draft.withSections(edited));
        ExplanationDocument back = ExplanationStore.of(c, "de").orElseThrow();
        assertEquals(edited, back.sections());
        assertEquals("Dr. Muster", back.preparedBy());
        assertTrue(ExplanationStore.of(c, "en").isEmpty(), "one composition per language");
    }

    @Test
    void numbersAreWrittenTheWayPatientsReadThem() {
        assertEquals("150", ExplanationDraft.number(150.4, "en"));
        assertEquals("1,900", ExplanationDraft.number(1_873, "en"));
        assertEquals("1.900", ExplanationDraft.number(1_873, "de"));
        assertEquals("2,5", ExplanationDraft.number(2.54, "de"));
        assertEquals("0.42", ExplanationDraft.number(0.4249, "en"));
    }
}
