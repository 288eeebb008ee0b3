package org.twinprint.core.spi;

/**
 * One predicted outcome with its uncertainty and the method behind it, so nobody mistakes a
 * research model's number for a fact.
 */
public record Prediction(String quantity, double value, double lower, double upper, String unit, String method) {
}
