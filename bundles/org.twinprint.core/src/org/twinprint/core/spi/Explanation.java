package org.twinprint.core.spi;

/** A section of the patient and family explanation: a title and plain-language text. */
public record Explanation(String title, String text) {
}
