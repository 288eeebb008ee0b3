package org.twinprint.explain.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.twinprint.core.model.Case;
import org.twinprint.core.model.Markup;
import org.twinprint.core.model.Mesh;
import org.twinprint.core.model.Vec3;
import org.twinprint.core.spi.Prediction;

/** The Flesch-Kincaid grade on hand-counted texts, and the generated English at grade 8 or below. */
class ReadabilityTest {

    @Test
    void theGradeFollowsTheFormulaOnHandCountedTexts() {
        // 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
        assertEquals(new Readability.Counts(1, 6, 6), Readability.counts("The cat sat on the mat."));
        assertEquals(-1.45, Readability.grade("The cat sat on the mat."), 1e-9);
        // "Your surgeon will remove the broken bone." 7 words; your 1, surgeon 2, will 1, remove 2 (silent e),
        // the 1, broken 2, bone 1 (silent e) = 10 syllables: 0.39 * 7 + 11.8 * 10 / 7 - 15.59
        assertEquals(new Readability.Counts(1, 7, 10), Readability.counts("Your surgeon will remove the broken bone."));
        assertEquals(0.39 * 7 + 11.8 * 10 / 7.0 - 15.59, Readability.grade("Your surgeon will remove the broken bone."),
                1e-9);
        assertEquals(4, Readability.syllables("operation"), "o-pe-ra-tion: four vowel groups");
        assertEquals(2, Readability.syllables("table"), "a final -le is a syllable");
        assertEquals(2, Readability.counts("Two sentences. Here!").sentences());
    }

    @Test
    void everyGeneratedEnglishParagraphIsAtGradeEightOrBelow() {
        Case c = new Case("demo");
        c.addMesh(new Mesh("Skull", new float[] { 0, 0, 0, 1, 0, 0, 0, 1, 0 }, new int[] { 0, 1, 2 }));
        c.addMesh(new Mesh("Implant", new float[] { 0, 0, 0, 1, 0, 0, 0, 1, 0 }, new int[] { 0, 1, 2 }));
        c.putMarkup(new Markup("Cut", Markup.Type.PLANE, List.of(new Markup.Point("", Vec3.ZERO)), new Vec3(0, 0, 1)));
        c.putResult("prediction:x", List.of(new Prediction("operating time", 150, 120, 180, "min", "a study")));
        ExplanationDocument doc = ExplanationDraft.of(c, "en", "Dr. A");
        Wording w = Wording.of("en");
        List<String> paragraphs = new java.util.ArrayList<>(List.of(w.text("notice")));
        doc.sections().forEach(s -> paragraphs.add(s.text()));
        for (String p : paragraphs) {
            double grade = Readability.grade(p);
            System.out.printf("grade %.1f: %s%n", grade, p);
            assertTrue(grade <= Readability.MOST, grade + ": " + p);
        }
    }
}
