package org.twinprint.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.twinprint.core.spi.ParameterSpec;
import org.twinprint.core.spi.Parameters;

class ParametersTest {

    private final List<ParameterSpec> specs = List.of(
            ParameterSpec.number("radius", "Radius", 1.5, 0, 20, "mm", "Brush radius."),
            ParameterSpec.choice("shape", "Shape", "disc", List.of("disc", "sphere"), "Brush shape."),
            ParameterSpec.flag("largest", "Largest", false, "Keep the largest island."),
            ParameterSpec.path("input", "Input", "Folder to read."));

    @Test
    void defaultsFillWhatIsNotGiven() {
        Parameters p = Parameters.of(specs, Map.of("input", "/data/ct"));
        assertEquals(1.5, p.number("radius"));
        assertEquals("disc", p.string("shape"));
        assertEquals(false, p.flag("largest"));
        assertEquals(List.of("radius", "shape", "largest", "input"), List.copyOf(p.asMap().keySet()));
    }

    @Test
    void everyProblemNamesItsParameter() {
        assertMessage("--radius: 25 is outside 0 .. 20 mm", Map.of("input", "x", "radius", "25"));
        assertMessage("--radius: 'wide' is not a number", Map.of("input", "x", "radius", "wide"));
        assertMessage("--shape: 'cube' is not one of disc, sphere", Map.of("input", "x", "shape", "cube"));
        assertMessage("--largest: 'yes' is not true or false", Map.of("input", "x", "largest", "yes"));
        assertMessage("--input is required", Map.of());
        assertMessage("unknown parameter --colour", Map.of("input", "x", "colour", "red"));
    }

    @Test
    void keysMustBeFlagFriendly() {
        assertThrows(IllegalArgumentException.class, () -> ParameterSpec.text("Bad Key", "x", "", ""));
    }

    private void assertMessage(String expected, Map<String, String> raw) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parameters.of(specs, raw));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
