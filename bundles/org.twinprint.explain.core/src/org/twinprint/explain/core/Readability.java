package org.twinprint.explain.core;

import java.util.Locale;

/**
 * The Flesch-Kincaid grade of English text (Kincaid et al., 1975): 0.39 words per sentence plus
 * 11.8 syllables per word less 15.59. Patient material aims at grade 6 to 8. Syllables are
 * counted by a rule of thumb (groups of vowels, a final silent e dropped), so the grade is a
 * guide for the writer, good to about one grade, not a measurement.
 */
public final class Readability {

    /** Above this grade the composer warns: patient material should be at most grade 8. */
    public static final double MOST = 8;

    /** Sentences, words and syllables of a text. */
    public record Counts(int sentences, int words, int syllables) {
        public double grade() {
            return words == 0 ? 0 : 0.39 * words / Math.max(1, sentences) + 11.8 * syllables / words - 15.59;
        }
    }

    private Readability() {
    }

    public static double grade(String text) {
        return counts(text).grade();
    }

    public static Counts counts(String text) {
        int sentences = 0, words = 0, syllables = 0;
        boolean open = false; // words since the last sentence end
        for (String token : text.split("\\s+")) {
            String word = token.replaceAll("[^\\p{L}\\p{Nd}'-]", "");
            if (!word.isEmpty()) {
                words++;
                syllables += syllables(word);
                open = true;
            }
            if (open && token.matches(".*[.!?]+[\"')\\]]*$")) {
                sentences++;
                open = false;
            }
        }
        return new Counts(sentences + (open ? 1 : 0), words, syllables);
    }

    /** Vowel groups, less a silent final e (but not in "-le"), at least one. */
    static int syllables(String word) {
        String w = word.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (w.isEmpty()) {
            return 1; // a number reads as at least one syllable
        }
        int groups = 0;
        boolean inVowels = false;
        for (int i = 0; i < w.length(); i++) {
            boolean vowel = "aeiouy".indexOf(w.charAt(i)) >= 0;
            if (vowel && !inVowels) {
                groups++;
            }
            inVowels = vowel;
        }
        if (w.length() > 2 && w.endsWith("e") && !w.endsWith("le") && "aeiouy".indexOf(w.charAt(w.length() - 2)) < 0) {
            groups--;
        }
        return Math.max(1, groups);
    }
}
