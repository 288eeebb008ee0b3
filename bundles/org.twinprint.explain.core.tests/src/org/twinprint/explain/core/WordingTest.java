package org.twinprint.explain.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** Every language says everything: a key in one and not the other fails here. */
class WordingTest {

    @Test
    void everyLanguageHasEveryKeyAndEveryGlossaryTerm() {
        Set<String> english = Wording.of("en").keys();
        for (String language : Wording.LANGUAGES) {
            Set<String> keys = Wording.of(language).keys();
            Set<String> missing = new TreeSet<>(english);
            missing.removeAll(keys);
            Set<String> extra = new TreeSet<>(keys);
            extra.removeAll(english);
            assertTrue(missing.isEmpty() && extra.isEmpty(), language + ": missing " + missing + ", not in English "
                    + extra);
            assertEquals(Glossary.of("en", null).terms().keySet(), Glossary.of(language, null).terms().keySet(),
                    language + "'s glossary");
        }
        assertTrue(english.size() >= 20, english.toString());
    }

    @Test
    void aMissingKeyIsAnErrorNotAnEnglishFallback() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Wording.of("de").text("no.such"));
        assertTrue(e.getMessage().contains("'de'") && e.getMessage().contains("no.such"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Wording.of("fr"));
    }

    @Test
    void theGlossaryGivesLayWordsAndTheCasesOwnEntriesComeFirst() {
        assertEquals("Schädelknochen", Glossary.of("de", null).lay("Skull"));
        assertEquals("thigh bone", Glossary.of("en", null).lay(" Femur "));
        assertEquals("the bony part", Glossary.of("en", java.util.Map.of("Femur", "the bony part")).lay("femur"));
        assertEquals("appendix", Glossary.of("en", null).lay("Appendix"), "an unknown name is shown as it is");
    }
}
